import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import { publicCallable } from "../common/callable.js";
import { KAKAO_TIMEOUT_MS, kakaoApiBaseUrl, kakaoAppId, trustedProxyHops } from "../config.js";
import { consumePerIpLimit } from "../rate-limit/per-ip.js";
import { RATE_LIMIT_RULES } from "../rate-limit/rules.js";
import { callables } from "../schema.js";
import { signInWithKakao } from "./kakao-sign-in.js";

export const kakaoSignIn = publicCallable(callables.kakaoSignIn, {}, async ({ accessToken }, { request }) => {
  const db = getFirestore();
  await consumePerIpLimit(
    db,
    request.rawRequest,
    RATE_LIMIT_RULES.kakaoSignInPerAddress,
    trustedProxyHops.value(),
    new Date(),
  );
  return signInWithKakao(accessToken, {
    auth: getAuth(),
    db,
    appId: kakaoAppId.value(),
    kakao: { baseUrl: kakaoApiBaseUrl.value(), timeoutMs: KAKAO_TIMEOUT_MS },
    now: () => new Date(),
  });
});
