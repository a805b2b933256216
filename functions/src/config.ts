import { defineInt, defineString } from "firebase-functions/params";
import { DEFAULT_SHARE_BASE_URL } from "./schema.js";

// Deploy-time parameters. The demo project's values live in functions/.env.demo-talkstudio;
// a real project is asked for them on `firebase deploy` (see README).
export const kakaoApiBaseUrl = defineString("KAKAO_API_BASE_URL", {
  default: "https://kapi.kakao.com",
  description: "Base URL of Kakao's REST API (a fake server in the demo project).",
});
export const kakaoAppId = defineString("KAKAO_APP_ID", {
  description: "Our Kakao app's numeric id: tokens of any other app are refused.",
});
export const trustedProxyHops = defineInt("TRUSTED_PROXY_HOPS", {
  default: 1,
  description:
    "How many X-Forwarded-For entries, counted from the right, our own front ends appended to a callable's request (1).",
});

export const hostingProxyHops = defineInt("TRUSTED_PROXY_HOPS_HOSTING", {
  default: 2,
  description:
    "The same count for functions reached through a Hosting rewrite (the share page, downloads): Hosting's CDN adds one more hop.",
});

export const shareBaseUrl = defineString("SHARE_BASE_URL", {
  default: DEFAULT_SHARE_BASE_URL,
  description: "Where share pages live: share URLs are `${SHARE_BASE_URL}/s/{code}` (the Hosting site).",
});

export const KAKAO_TIMEOUT_MS = 5_000;
