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

/** Trying a code reserves one guess per user and per address; a code that exists gives them back. */
export const inviteGuessCharges = (uid: string, clientKey: string): RateLimitCharge[] => [
  { rule: RATE_LIMIT_RULES.inviteGuessesPerUser, key: uid },
  { rule: RATE_LIMIT_RULES.inviteGuessesPerAddress, key: clientKey },
];
