// The paging both list calls share: a page size from 1 to MAX_PAGE_SIZE, and a cursor that is the
// last row's sort time and document id, so pages stay stable while other rows change.
import { Timestamp } from "firebase/firestore";
import { TalkStudioError } from "./talkstudio-error.js";

export const MAX_PAGE_SIZE = 100;

/** The page size asked for (default 20), or `invalid`. */
export function checkedPageSize(pageSize = 20): number {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new TalkStudioError("invalid", `pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}.`);
  }
  return pageSize;
}

/** The `next` of a page: its last row's sort time (seconds, nanoseconds) and id, as JSON. */
export const pageCursor = (time: Timestamp, id: string): string =>
  JSON.stringify([time.seconds, time.nanoseconds, id]);

/** Reads a `next` back into `startAfter`'s values; `invalid` for any cursor `list` did not write. */
export function readPageCursor(after: string, list: string): [Timestamp, string] {
  let value: unknown = null;
  try {
    value = JSON.parse(after);
  } catch {
    // not JSON: refused below like any other cursor we did not write
  }
  if (
    Array.isArray(value) &&
    value.length === 3 &&
    Number.isInteger(value[0]) &&
    Number.isInteger(value[1]) &&
    typeof value[2] === "string"
  ) {
    const [seconds, nanoseconds, id] = value as [number, number, string];
    return [new Timestamp(seconds, nanoseconds), id];
  }
  throw new TalkStudioError("invalid", `This page cursor is not one ${list} returned.`);
}
