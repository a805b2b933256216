import type { IncomingHttpHeaders } from "node:http";
import type { Firestore } from "firebase-admin/firestore";
import type { BlockList } from "node:net";
import { clientIpFromForwardedFor, rateLimitKeyOfIp } from "../common/client-ip.js";
import { consumeRateLimit, type RateLimitRule } from "./rate-limiter.js";

/**
 * Callers whose address we cannot establish share this one bucket. In production Google's front end
 * always appends an entry, so only the emulator (no front end) and a misconfigured hop count land
 * here: a shared, limited bucket fails safe where "no limit" would fail open.
 */
const UNKNOWN_CLIENT_KEY = "unknown";

/** The rate-limit key of the caller's address, read from the trusted end of X-Forwarded-For. */
export function clientKey(headers: IncomingHttpHeaders, trustedHops: number, proxies?: BlockList): string {
  const ip = clientIpFromForwardedFor(headers["x-forwarded-for"], trustedHops, proxies);
  return ip === null ? UNKNOWN_CLIENT_KEY : rateLimitKeyOfIp(ip);
}

/** Counts a call against `rule` for the caller's address. */
export async function consumePerIpLimit(
  db: Firestore,
  request: { headers: IncomingHttpHeaders },
  rule: RateLimitRule,
  trustedHops: number,
  now: Date,
): Promise<void> {
  await consumeRateLimit(db, rule, clientKey(request.headers, trustedHops), now);
}
