import { getAuth } from "firebase-admin/auth";
import { typedCallable } from "../common/callable.js";
import { KAKAO_TIMEOUT_MS, kakaoApiBaseUrl, kakaoAppId } from "../config.js";
import { kakaoSignInInput } from "../schema.js";
import { signInWithKakao } from "./kakao-sign-in.js";

export const kakaoSignIn = typedCallable({}, kakaoSignInInput, ({ accessToken }) =>
  signInWithKakao(accessToken, {
    auth: getAuth(),
    appId: kakaoAppId.value(),
    kakao: { baseUrl: kakaoApiBaseUrl.value(), timeoutMs: KAKAO_TIMEOUT_MS },
  }),
);
