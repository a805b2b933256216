// What each share call charges against the rate-limit rules (rate-limit/rules.ts).
import type { RateLimitCharge } from "../rate-limit/rate-limiter.js";
import { RATE_LIMIT_RULES } from "../rate-limit/rules.js";
import type { ShareCaller } from "./deps.js";

/** Every share call a signed-in user makes counts against their hourly allowance. */
export const userCharges = (uid: string | null): RateLimitCharge[] =>
  uid === null ? [] : [{ rule: RATE_LIMIT_RULES.shareCallsPerUser, key: uid }];

export const createCharges = (uid: string): RateLimitCharge[] => [
  { rule: RATE_LIMIT_RULES.shareCreatesPerUser, key: uid },
  ...userCharges(uid),
];

/** Reading a share (openShare, copy, the page): per address, and per user when signed in. */
export const readCharges = (caller: ShareCaller): RateLimitCharge[] => [
  { rule: RATE_LIMIT_RULES.shareReadsPerAddress, key: caller.clientKey },
  ...userCharges(caller.uid),
];

/** A password attempt reserves one guess in both budgets; a right password gives them back. */
export const guessCharges = (code: string, clientKey: string): RateLimitCharge[] => [
  { rule: RATE_LIMIT_RULES.shareGuessesPerShareAndAddress, key: `${code}|${clientKey}` },
  { rule: RATE_LIMIT_RULES.shareGuessesPerShare, key: code },
];
