import { signInWithCustomToken, type User } from "firebase/auth";
import { httpsCallable } from "firebase/functions";
import type { TalkStudio } from "../firebase.js";
import { kakaoSignInInput, kakaoSignInOutput, type KakaoSignInInput } from "../schema/index.js";

/**
 * Signs in with the access token the Kakao JS SDK gave the SPA (`Kakao.Auth.login` /
 * `Kakao.Auth.getAccessToken()`). The server checks it with Kakao and answers a Firebase custom
 * token; failures are FunctionsErrors whose `details.reason` says why (`kakao-token-invalid`, …).
 */
export async function signInWithKakao(ts: TalkStudio, accessToken: string): Promise<User> {
  const call = httpsCallable<KakaoSignInInput, unknown>(ts.functions, "kakaoSignIn");
  const { data } = await call(kakaoSignInInput.parse({ accessToken }));
  const { user } = await signInWithCustomToken(ts.auth, kakaoSignInOutput.parse(data).customToken);
  return user;
}
