import { createHash } from "node:crypto";
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { DomainError } from "../common/errors.js";
import { firestorePaths } from "../schema.js";

export interface RateLimitRule {
  /** Names the counter family, e.g. `kakaoSignIn-ip`; part of every counter's document id. */
  name: string;
  limit: number;
  windowMs: number;
}

interface Counter {
  count: number;
  windowStart: Timestamp;
  expiresAt: Timestamp;
}

/**
 * Counts one call of `key` against `rule` (a fixed window opened by the key's first call) and throws
 * `resource-exhausted` once the window's budget is spent. Keys are hashed into the document id, which
 * keeps addresses out of ids and logs (pseudonymous only: an IPv4 hash is easily reversed).
 */
export async function consumeRateLimit(
  db: Firestore,
  rule: RateLimitRule,
  key: string,
  now: Date,
): Promise<void> {
  const keyHash = createHash("sha256").update(key).digest("base64url").slice(0, 32);
  // `rateLimits/` is functions-only; its `expiresAt` carries a TTL policy (README).
  const ref = db.doc(firestorePaths.rateLimit(`${rule.name}_${keyHash}`));
  const retryAfterSeconds = await db.runTransaction(async (tx) => {
    const counter = (await tx.get(ref)).data() as Counter | undefined;
    const open = counter !== undefined && counter.expiresAt.toMillis() > now.getTime();
    if (!open) {
      tx.set(ref, {
        count: 1,
        windowStart: Timestamp.fromDate(now),
        expiresAt: Timestamp.fromMillis(now.getTime() + rule.windowMs),
      } satisfies Counter);
      return null;
    }
    if (counter.count >= rule.limit) return Math.ceil((counter.expiresAt.toMillis() - now.getTime()) / 1000);
    tx.update(ref, { count: counter.count + 1 });
    return null;
  });
  if (retryAfterSeconds !== null) {
    throw new DomainError("resource-exhausted", "rate-limited", "Too many requests; try again later.", {
      retryAfterSeconds,
    });
  }
}
