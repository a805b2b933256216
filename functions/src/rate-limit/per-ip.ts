import type { IncomingHttpHeaders } from "node:http";
import type { Firestore } from "firebase-admin/firestore";
import { clientIpFromForwardedFor, rateLimitKeyOfIp } from "../common/client-ip.js";
import { consumeRateLimit, type RateLimitRule } from "./rate-limiter.js";

/**
 * Callers whose address we cannot establish share this one bucket. In production Google's front end
 * always appends an entry, so only the emulator (no front end) and a misconfigured hop count land
 * here: a shared, limited bucket fails safe where "no limit" would fail open.
 */
const UNKNOWN_CLIENT_KEY = "unknown";

/** Counts a call against `rule` for the caller's IP, read from the trusted end of X-Forwarded-For. */
export async function consumePerIpLimit(
  db: Firestore,
  request: { headers: IncomingHttpHeaders },
  rule: RateLimitRule,
  trustedHops: number,
  now: Date,
): Promise<void> {
  const ip = clientIpFromForwardedFor(request.headers["x-forwarded-for"], trustedHops);
  await consumeRateLimit(db, rule, ip === null ? UNKNOWN_CLIENT_KEY : rateLimitKeyOfIp(ip), now);
}
