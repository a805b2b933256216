import { createHash } from "node:crypto";
import { Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { DomainError, isAlreadyExists } from "../common/errors.js";
import { firestorePaths } from "../schema.js";

export interface RateLimitRule {
  /** Names the counter family, e.g. `kakaoSignIn-ip`; part of every slot's document id. */
  name: string;
  limit: number;
  windowMs: number;
}

/** One budget to charge: a rule and whose budget (an address, a uid, a share code…). */
export interface RateLimitCharge {
  rule: RateLimitRule;
  key: string;
}

/** A call admitted against one charge: the slot document it holds until its window ends. */
export interface RateLimitSlot {
  charge: RateLimitCharge;
  ref: DocumentReference;
}

interface SlotDocument {
  bucket: string;
  expiresAt: Timestamp;
}

interface Bucket {
  /** `{rule}_{keyHash}_{windowIndex}`: the slots of one key's one window share it. */
  id: string;
  endsAtMs: number;
}

/**
 * Fixed windows, offset per key so that not every key's window turns over at the same instant. Keys
 * are hashed into ids, which keeps addresses out of ids and logs (pseudonymous only: an IPv4 hash
 * is easily reversed).
 */
function bucketOf({ rule, key }: RateLimitCharge, now: Date): Bucket {
  const hash = createHash("sha256").update(key).digest();
  const offset = hash.readUInt32BE(0) % rule.windowMs;
  const index = Math.floor((now.getTime() + offset) / rule.windowMs);
  return {
    id: `${rule.name}_${hash.toString("base64url").slice(0, 32)}_${index}`,
    endsAtMs: (index + 1) * rule.windowMs - offset,
  };
}

/** Milliseconds until the window `charge` falls in at `now` turns over (tests time bursts by it). */
export const msLeftInWindow = (charge: RateLimitCharge, now: Date): number =>
  bucketOf(charge, now).endsAtMs - now.getTime();

/** One key's one window: the document each of its slots holds, and the slot documents' refs. */
function windowOf(db: Firestore, charge: RateLimitCharge, now: Date) {
  const bucket = bucketOf(charge, now);
  const document: SlotDocument = { bucket: bucket.id, expiresAt: Timestamp.fromMillis(bucket.endsAtMs) };
  const slot = (n: number) => db.doc(firestorePaths.rateLimit(`${bucket.id}_${n}`));
  return { bucket, document, slot };
}

/** Slots tried after each count: enough to get past the few a concurrent burst takes meanwhile. */
const PROBES_PER_COUNT = 8;

/**
 * Takes one of the window's `limit` slot documents (`rateLimits/{bucket}_{slot}`, functions-only,
 * removed by a TTL policy on `expiresAt`; README). A slot is taken by `create`, which only one
 * caller can win, so no burst can ever admit more than the limit, and no transaction is involved:
 * concurrent callers never abort each other, they move on to the next slot. A count query (one read)
 * says where the free slots start and when the window is full. Returns the slot, or the seconds to
 * wait when every slot is taken.
 *
 * Slots are taken in order from the count, never at random: a window then fills from the bottom, so
 * the next free slot is at the count even when the window is nearly full. (Random slots spread a
 * burst better but scatter the window, and near the end of a large budget, 1,000 calls an hour, a
 * caller would probe on the order of the whole budget to find the last free slots.) Released slots
 * leave holes below the count, so the position carries on round after round, wrapping, until a
 * create wins or a count says the window is full.
 */
async function takeSlot(db: Firestore, charge: RateLimitCharge, now: Date): Promise<RateLimitSlot | number> {
  const { rule } = charge;
  const { bucket, document, slot } = windowOf(db, charge, now);
  const slots = db.collection(firestorePaths.rateLimits);
  let position = -1;
  for (;;) {
    const taken = (await slots.where("bucket", "==", bucket.id).count().get()).data().count;
    if (taken >= rule.limit) return Math.ceil((bucket.endsAtMs - now.getTime()) / 1000);
    if (position < 0) position = taken;
    for (let probe = 0; probe < Math.min(PROBES_PER_COUNT, rule.limit); probe++) {
      const ref = slot(position);
      position = (position + 1) % rule.limit;
      try {
        await ref.create(document);
        return { charge, ref };
      } catch (error) {
        if (!isAlreadyExists(error)) throw error;
      }
    }
  }
}

/**
 * The documents of a window whose first `count` slots are taken, as takeSlot writes them: brings a
 * budget to its edge without making the calls (tests of the large budgets, where a thousand real
 * calls would take the emulator half a minute).
 */
export function takenSlots(
  db: Firestore,
  charge: RateLimitCharge,
  now: Date,
  count: number,
): { ref: DocumentReference; document: SlotDocument }[] {
  const { document, slot } = windowOf(db, charge, now);
  return Array.from({ length: count }, (_, n) => ({ ref: slot(n), document }));
}

/**
 * Admits one call against every charge, or none: when a budget is spent it gives back the slots it
 * already took and throws `resource-exhausted` with the wait. Exact under any concurrency (see
 * takeSlot); while a refused call gives its slots back, a concurrent one may be refused too: this
 * errs towards refusing, never towards admitting. The smallest budget is charged first, so a burst
 * is mostly refused before it takes (and churns) slots of the larger ones. Returns the slots taken.
 */
export async function consumeRateLimits(
  db: Firestore,
  charges: readonly RateLimitCharge[],
  now: Date,
): Promise<RateLimitSlot[]> {
  const taken: RateLimitSlot[] = [];
  for (const charge of [...charges].sort((a, b) => a.rule.limit - b.rule.limit)) {
    const slot = await takeSlot(db, charge, now);
    if (typeof slot === "number") {
      await releaseRateLimits(taken);
      throw new DomainError("resource-exhausted", "rate-limited", "Too many requests; try again later.", {
        retryAfterSeconds: slot,
      });
    }
    taken.push(slot);
  }
  return taken;
}

/** Counts one call of `key` against `rule`; see consumeRateLimits. */
export const consumeRateLimit = (db: Firestore, rule: RateLimitRule, key: string, now: Date) =>
  consumeRateLimits(db, [{ rule, key }], now);

/**
 * Gives back slots taken by consumeRateLimits: for budgets that only failures should spend (a right
 * password returns the guess it reserved).
 */
export async function releaseRateLimits(slots: readonly RateLimitSlot[]): Promise<void> {
  await Promise.all(slots.map((slot) => slot.ref.delete()));
}
