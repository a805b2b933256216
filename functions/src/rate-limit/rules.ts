// Every rate-limit rule the functions charge (the numbers are in client/src/schema/limits.ts). A
// rule's name is part of its counters' document ids: renaming one starts its budgets afresh.
import { RATE_LIMITS } from "../schema.js";
import type { RateLimitRule } from "./rate-limiter.js";

export const MINUTE = 60_000;

export const RATE_LIMIT_RULES = {
  kakaoSignInPerAddress: {
    name: "kakaoSignIn-ip",
    limit: RATE_LIMITS.kakaoSignInPerIpPerMinute,
    windowMs: MINUTE,
  },
  shareCreatesPerUser: {
    name: "shareCreate-user",
    limit: RATE_LIMITS.shareCreatesPerUserPerMinute,
    windowMs: MINUTE,
  },
  shareCallsPerUser: {
    name: "shareCalls-user",
    limit: RATE_LIMITS.shareCallsPerUserPerHour,
    windowMs: 60 * MINUTE,
  },
  shareReadsPerAddress: {
    name: "shareRead-ip",
    limit: RATE_LIMITS.shareReadsPerIpPerMinute,
    windowMs: MINUTE,
  },
  shareGuessesPerShareAndAddress: {
    name: "sharePassword-ip",
    limit: RATE_LIMITS.wrongPasswordsPerShareAndIpPer15Minutes,
    windowMs: 15 * MINUTE,
  },
  shareGuessesPerShare: {
    name: "sharePassword-share",
    limit: RATE_LIMITS.wrongPasswordsPerSharePerHour,
    windowMs: 60 * MINUTE,
  },
  beaconViewsPerShareAndAddress: {
    name: "shareBeacon-ip",
    limit: RATE_LIMITS.beaconViewsPerShareAndIpPer2Minutes,
    windowMs: 2 * MINUTE,
  },
  inviteCreatesPerUser: {
    name: "inviteCreate-user",
    limit: RATE_LIMITS.inviteCreatesPerUserPerMinute,
    windowMs: MINUTE,
  },
  memberCallsPerUser: {
    name: "memberCalls-user",
    limit: RATE_LIMITS.memberCallsPerUserPerHour,
    windowMs: 60 * MINUTE,
  },
  inviteGuessesPerUser: {
    name: "inviteGuess-user",
    limit: RATE_LIMITS.wrongInvitesPerUserPer15Minutes,
    windowMs: 15 * MINUTE,
  },
  inviteGuessesPerAddress: {
    name: "inviteGuess-ip",
    limit: RATE_LIMITS.wrongInvitesPerIpPer15Minutes,
    windowMs: 15 * MINUTE,
  },
  versionSavesPerUser: {
    name: "versionSave-user",
    limit: RATE_LIMITS.versionSavesPerUserPerMinute,
    windowMs: MINUTE,
  },
  versionSavesPerConversation: {
    name: "versionSave-conversation",
    limit: RATE_LIMITS.versionSavesPerConversationPerMinute,
    windowMs: MINUTE,
  },
  restoresPerUser: {
    name: "restore-user",
    limit: RATE_LIMITS.restoresPerUserPerMinute,
    windowMs: MINUTE,
  },
  restoresPerConversation: {
    name: "restore-conversation",
    limit: RATE_LIMITS.restoresPerConversationPerMinute,
    windowMs: MINUTE,
  },
  /** Each import request writes up to 4 MB: a user's requests are few, or they are abuse. */
  importRequestsPerUser: {
    name: "importConversations-user",
    limit: RATE_LIMITS.importRequestsPerUserPerHour,
    windowMs: 60 * MINUTE,
  },
} satisfies Record<string, RateLimitRule>;
