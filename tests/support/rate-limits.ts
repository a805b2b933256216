// Bringing a rate-limit budget near its edge without making the calls.
import type { Firestore } from "firebase-admin/firestore";
import { takenSlots, type RateLimitCharge } from "../../functions/src/rate-limit/rate-limiter.js";

/**
 * Records `count` calls against `charge` in its window at `now`, as the limiter records them: tests
 * of large budgets (a thousand real calls take the emulator half a minute) or of costly calls.
 */
export async function spendRateLimit(
  db: Firestore,
  charge: RateLimitCharge,
  now: Date,
  count: number,
): Promise<void> {
  const writer = db.bulkWriter();
  for (const { ref, document } of takenSlots(db, charge, now, count)) void writer.create(ref, document);
  await writer.close();
}
