import { beforeEach, describe, expect, it } from "vitest";
import { consumeRateLimit } from "../../functions/src/rate-limit/rate-limiter.js";
import { adminDb } from "../support/admin.js";
import { clearFirestore } from "../support/emulators.js";

beforeEach(clearFirestore);

const rule = { name: "test", limit: 2, windowMs: 60_000 };
const at = (ms: number) => new Date(1_700_000_000_000 + ms);

describe("consumeRateLimit", () => {
  it("allows `limit` calls a window, then answers resource-exhausted with the wait", async () => {
    const db = adminDb();
    await consumeRateLimit(db, rule, "k", at(0));
    await consumeRateLimit(db, rule, "k", at(1_000));
    await expect(consumeRateLimit(db, rule, "k", at(20_000))).rejects.toMatchObject({
      code: "resource-exhausted",
      reason: "rate-limited",
      extra: { retryAfterSeconds: 40 },
    });
  });

  it("opens a new window once the last one expired, and counts keys apart", async () => {
    const db = adminDb();
    await consumeRateLimit(db, rule, "k", at(0));
    await consumeRateLimit(db, rule, "k", at(1));
    await consumeRateLimit(db, rule, "other", at(2));
    await expect(consumeRateLimit(db, rule, "k", at(60_000))).resolves.toBeUndefined();
  });

  it("counts concurrent calls exactly", async () => {
    const db = adminDb();
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => consumeRateLimit(db, { ...rule, limit: 3 }, "k", at(0))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
  });
});
