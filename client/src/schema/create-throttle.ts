import { CONVERSATION_CREATES_PER_MINUTE } from "./limits.js";

/** What `users/{uid}/throttles/conversationCreates` holds that the next create reads. */
export interface CreateThrottleState {
  readonly count?: unknown;
  readonly windowStart?: unknown;
}

/**
 * The throttle document after one more create, as the rules allow it written: the current window
 * continued while it has room (never looser than a fresh one, so no clock is needed), else a new
 * window from `now`. `opened` says it is a new one: the rules refuse that while the previous window
 * is under a minute old. The client (serverTimestamp) and the functions (Admin Timestamp) both
 * credit creates through here, so either's next create still passes the rules.
 */
export function creditedCreate<Time>(
  current: CreateThrottleState | undefined,
  id: string,
  now: Time,
): { opened: boolean; record: { windowStart: unknown; count: number; ids: [string]; updatedAt: Time } } {
  const count = current?.count;
  if (typeof count === "number" && count < CONVERSATION_CREATES_PER_MINUTE) {
    return {
      opened: false,
      record: { windowStart: current?.windowStart, count: count + 1, ids: [id], updatedAt: now },
    };
  }
  return { opened: true, record: { windowStart: now, count: 1, ids: [id], updatedAt: now } };
}
