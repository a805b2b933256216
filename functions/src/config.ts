import { defineBoolean, defineInt, defineString } from "firebase-functions/params";
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
    "The same count for functions reached through a Hosting rewrite (the share page, downloads): Hosting's CDN adds one more hop, trusted only from HOSTING_PROXY_RANGES.",
});

/**
 * Fastly's published egress ranges (api.fastly.com/public-ip-list), Hosting's CDN. A request whose
 * rightmost X-Forwarded-For entry is not in these is keyed by that entry (docs/sharing.md).
 */
const FASTLY_RANGES = [
  "23.235.32.0/20",
  "43.249.72.0/22",
  "103.244.50.0/24",
  "103.245.222.0/23",
  "103.245.224.0/24",
  "104.156.80.0/20",
  "140.248.64.0/18",
  "140.248.128.0/17",
  "146.75.0.0/17",
  "151.101.0.0/16",
  "157.52.64.0/18",
  "167.82.0.0/17",
  "167.82.128.0/20",
  "167.82.160.0/20",
  "167.82.224.0/20",
  "172.111.64.0/18",
  "185.31.16.0/22",
  "199.27.72.0/21",
  "199.232.0.0/16",
  "2a04:4e40::/32",
  "2a04:4e42::/32",
].join(",");

export const hostingProxyRanges = defineString("HOSTING_PROXY_RANGES", {
  default: FASTLY_RANGES,
  description:
    "Comma-separated CIDR ranges of Hosting's CDN nodes: only an X-Forwarded-For entry from one of these is stepped over to find the client.",
});

export const shareBaseUrl = defineString("SHARE_BASE_URL", {
  default: DEFAULT_SHARE_BASE_URL,
  description: "Where share pages live: share URLs are `${SHARE_BASE_URL}/s/{code}` (the Hosting site).",
});

export const enforceAppCheck = defineBoolean("ENFORCE_APP_CHECK", {
  default: true,
  description:
    'Refuse callable requests without a valid App Check token (docs/sharing.md, "App Check"); false only in the demo project.',
});

export const KAKAO_TIMEOUT_MS = 5_000;
