// The rate-limit rules of share calls (numbers in client/src/schema/limits.ts).
import type { RateLimitCharge } from "../rate-limit/rate-limiter.js";
import { RATE_LIMITS } from "../schema.js";
import type { ShareCaller } from "./deps.js";

const MINUTE = 60_000;

const rules = {
  createPerUser: {
    name: "shareCreate-user",
    limit: RATE_LIMITS.shareCreatesPerUserPerMinute,
    windowMs: MINUTE,
  },
  callsPerUser: {
    name: "shareCalls-user",
    limit: RATE_LIMITS.shareCallsPerUserPerHour,
    windowMs: 60 * MINUTE,
  },
  readsPerAddress: { name: "shareRead-ip", limit: RATE_LIMITS.shareReadsPerIpPerMinute, windowMs: MINUTE },
  guessesPerShareAndAddress: {
    name: "sharePassword-ip",
    limit: RATE_LIMITS.wrongPasswordsPerShareAndIpPer15Minutes,
    windowMs: 15 * MINUTE,
  },
  guessesPerShare: {
    name: "sharePassword-share",
    limit: RATE_LIMITS.wrongPasswordsPerSharePerHour,
    windowMs: 60 * MINUTE,
  },
};

/** Every share call a signed-in user makes counts against their hourly allowance. */
export const userCharges = (uid: string | null): RateLimitCharge[] =>
  uid === null ? [] : [{ rule: rules.callsPerUser, key: uid }];

export const createCharges = (uid: string): RateLimitCharge[] => [
  { rule: rules.createPerUser, key: uid },
  ...userCharges(uid),
];

/** Reading a share (openShare, copy, the page): per address, and per user when signed in. */
export const readCharges = (caller: ShareCaller): RateLimitCharge[] => [
  { rule: rules.readsPerAddress, key: caller.clientKey },
  ...userCharges(caller.uid),
];

/** A password attempt reserves one guess in both budgets; a right password gives them back. */
export const guessCharges = (code: string, clientKey: string): RateLimitCharge[] => [
  { rule: rules.guessesPerShareAndAddress, key: `${code}|${clientKey}` },
  { rule: rules.guessesPerShare, key: code },
];
