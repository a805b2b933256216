// What each member and invite call charges against the rate-limit rules (rate-limit/rules.ts).
import type { RateLimitCharge } from "../rate-limit/rate-limiter.js";
import { RATE_LIMIT_RULES } from "../rate-limit/rules.js";

/** Every member and invite call counts against the caller's hourly allowance. */
export const memberCharges = (uid: string): RateLimitCharge[] => [
  { rule: RATE_LIMIT_RULES.memberCallsPerUser, key: uid },
];

export const inviteCreateCharges = (uid: string): RateLimitCharge[] => [
  { rule: RATE_LIMIT_RULES.inviteCreatesPerUser, key: uid },
  ...memberCharges(uid),
];

/** Trying a code reserves one guess of the caller's, given back when the code exists. */
export const userGuessCharges = (uid: string): RateLimitCharge[] => [
  { rule: RATE_LIMIT_RULES.inviteGuessesPerUser, key: uid },
];

/** A code that does not exist also spends one guess of the caller's address. */
export const addressGuessCharges = (clientKey: string): RateLimitCharge[] => [
  { rule: RATE_LIMIT_RULES.inviteGuessesPerAddress, key: clientKey },
];
