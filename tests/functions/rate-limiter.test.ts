import { beforeEach, describe, expect, it } from "vitest";
import {
  consumeRateLimit,
  consumeRateLimits,
  releaseRateLimits,
} from "../../functions/src/rate-limit/rate-limiter.js";
import { firestorePaths } from "../../client/src/index.js";
import { adminDb } from "../support/admin.js";
import { clearFirestore } from "../support/emulators.js";

beforeEach(clearFirestore);

const rule = { name: "test", limit: 2, windowMs: 60_000 };
const at = (ms: number) => new Date(1_700_000_000_000 + ms);

const retryAfter = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("expected a refusal"),
    (e: unknown) => {
      expect(e).toMatchObject({ code: "resource-exhausted", reason: "rate-limited" });
      return (e as { extra: { retryAfterSeconds: number } }).extra.retryAfterSeconds;
    },
  );

describe("consumeRateLimit", () => {
  it("allows `limit` calls a window, then refuses until exactly the wait it names has passed", async () => {
    const db = adminDb();
    await consumeRateLimit(db, rule, "k", at(0));
    await consumeRateLimit(db, rule, "k", at(0));
    const wait = await retryAfter(consumeRateLimit(db, rule, "k", at(0)));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    await retryAfter(consumeRateLimit(db, rule, "k", at((wait - 1) * 1000)));
    await expect(consumeRateLimit(db, rule, "k", at(wait * 1000))).resolves.toHaveLength(1);
  });

  it("counts keys and rules apart", async () => {
    const db = adminDb();
    await consumeRateLimit(db, rule, "k", at(0));
    await consumeRateLimit(db, rule, "k", at(0));
    await expect(consumeRateLimit(db, rule, "other", at(0))).resolves.toHaveLength(1);
    await expect(consumeRateLimit(db, { ...rule, name: "second" }, "k", at(0))).resolves.toHaveLength(1);
  });

  it("admits exactly the limit from 100 concurrent calls", { timeout: 60_000 }, async () => {
    const db = adminDb();
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () => consumeRateLimit(db, { ...rule, limit: 7 }, "k", at(0))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(7);
    const refused = results.filter((r) => r.status === "rejected");
    for (const r of refused) expect(r.reason).toMatchObject({ reason: "rate-limited" });
    expect(refused).toHaveLength(93);
  });

  it("gives a released slot back to the next caller, and only it", async () => {
    const db = adminDb();
    const limited = { ...rule, limit: 3 };
    const [first] = await consumeRateLimit(db, limited, "k", at(0));
    await consumeRateLimit(db, limited, "k", at(0));
    await consumeRateLimit(db, limited, "k", at(0));
    await releaseRateLimits([first!]);
    await expect(consumeRateLimit(db, limited, "k", at(0))).resolves.toHaveLength(1);
    await retryAfter(consumeRateLimit(db, limited, "k", at(0)));
  });

  it("finds the free slots however released ones left holes", async () => {
    const db = adminDb();
    const wide = { ...rule, limit: 20 };
    const held = await Promise.all(Array.from({ length: 16 }, () => consumeRateLimit(db, wide, "k", at(0))));
    // Slots 0-7 given back: 8 taken, at 8-15, so a count of 8 points at taken slots for 8 probes.
    const slots = held.flat().sort((a, b) => a.ref.id.localeCompare(b.ref.id, "en", { numeric: true }));
    await releaseRateLimits(slots.slice(0, 8));
    const admitted = await Promise.all(
      Array.from({ length: 12 }, () => consumeRateLimit(db, wide, "k", at(0))),
    );
    expect(admitted).toHaveLength(12);
    await retryAfter(consumeRateLimit(db, wide, "k", at(0)));
  });

  it("takes nothing when any charge of a call is refused", async () => {
    const db = adminDb();
    const full = { ...rule, name: "full", limit: 1 };
    await consumeRateLimit(db, full, "k", at(0));
    await retryAfter(
      consumeRateLimits(
        db,
        [
          { rule, key: "k" },
          { rule: full, key: "k" },
        ],
        at(0),
      ),
    );
    const held = await db.collection(firestorePaths.rateLimits).get();
    expect(held.docs.map((d) => d.id.split("_")[0])).toEqual(["full"]);
  });
});
