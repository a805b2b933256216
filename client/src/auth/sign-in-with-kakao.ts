import { signInWithCustomToken, type User } from "firebase/auth";
import { callFunction } from "../call-function.js";
import { typedErrors } from "../talkstudio-error.js";
import type { TalkStudio } from "../firebase.js";
import { kakaoSignInContract } from "../schema/index.js";

/**
 * Signs in with the access token the Kakao JS SDK gave the SPA (`Kakao.Auth.login` /
 * `Kakao.Auth.getAccessToken()`). The server checks it with Kakao and answers a Firebase custom
 * token; failures are TalkStudioErrors whose `reason` says why (`kakao-token-invalid`, …).
 */
export async function signInWithKakao(ts: TalkStudio, accessToken: string): Promise<User> {
  const { customToken } = await callFunction(ts, kakaoSignInContract, { accessToken });
  return typedErrors(async () => (await signInWithCustomToken(ts.auth, customToken)).user);
}
