// Rate-limit budgets in tests: brought near their edge without making the calls, and keys whose
// fixed windows will not turn over in the middle of a test.
import type { Firestore } from "firebase-admin/firestore";
import {
  msLeftInWindow,
  takenSlots,
  type RateLimitCharge,
} from "../../functions/src/rate-limit/rate-limiter.js";

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

/**
 * The first thing `make` makes (a user, a share, an address) whose rate-limit windows, the ones
 * `chargesOf` names, all last another `ms`. A fixed window that turns over in the middle of a test
 * rightly admits a second budget's worth; windows are offset per key, so another key's falls elsewhere.
 */
export async function withLastingWindows<T>(
  make: () => T | Promise<T>,
  chargesOf: (made: T) => readonly RateLimitCharge[],
  ms = 60_000,
): Promise<T> {
  for (;;) {
    const made = await make();
    if (chargesOf(made).every((charge) => msLeftInWindow(charge, new Date()) >= ms)) return made;
  }
}
