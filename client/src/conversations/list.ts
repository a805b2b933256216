import {
  documentId,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  Timestamp,
  where,
  type QueryConstraint,
} from "firebase/firestore";
import type { TalkStudio } from "../firebase.js";
import type { ConversationSummary, PlatformSkin } from "../schema/index.js";
import { TalkStudioError, typedErrors } from "../errors.js";
import { requireUid } from "../session.js";
import { readSummary } from "./records.js";
import { conversationsOf } from "./refs.js";

export const MAX_PAGE_SIZE = 100;

export interface ListOptions {
  /** Default 20, at most MAX_PAGE_SIZE. */
  readonly pageSize?: number;
  /** The `next` of the previous page. */
  readonly after?: string | null;
  /** Only one chat look (uses the composite index in firestore.indexes.json). */
  readonly platformSkin?: PlatformSkin;
  /**
   * "created" (default): newest project first, the order of the SPA's own project list (it keeps
   * `talkstudio_projects` newest-created first and re-saves in place). "updated": most recently
   * edited first.
   */
  readonly order?: ListOrder;
}

export type ListOrder = "updated" | "created";
const SORT_FIELD = { updated: "projectUpdatedAt", created: "projectCreatedAt" } as const;

export interface ConversationPage {
  readonly items: ConversationSummary[];
  /** Pass as `after` for the next page; null on the last one. */
  readonly next: string | null;
}

// A cursor is the last row's sort key and id, so pages stay stable while other rows change.
function encodeCursor(row: ConversationSummary, order: ListOrder): string {
  const t = Timestamp.fromDate(row[SORT_FIELD[order]]);
  return JSON.stringify([t.seconds, t.nanoseconds, row.id]);
}

function decodeCursor(cursor: string): [Timestamp, string] {
  try {
    const [seconds, nanoseconds, id] = JSON.parse(cursor) as unknown[];
    if (typeof seconds === "number" && typeof nanoseconds === "number" && typeof id === "string") {
      return [new Timestamp(seconds, nanoseconds), id];
    }
  } catch {
    // falls through to the typed error
  }
  throw new TalkStudioError("invalid", "This page cursor is not one listConversations returned.");
}

/**
 * The signed-in user's conversations, newest (or most recently edited) first, one page at a time. Reads only the
 * small summary documents: a page costs the same whether its conversations hold 5 messages or 500.
 */
export function listConversations(ts: TalkStudio, options: ListOptions = {}): Promise<ConversationPage> {
  return typedErrors(async () => {
    const pageSize = options.pageSize ?? 20;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new TalkStudioError("invalid", `pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}.`);
    }
    const order = options.order ?? "created";
    if (!Object.hasOwn(SORT_FIELD, order))
      throw new TalkStudioError("invalid", 'order must be "updated" or "created".');
    const constraints: QueryConstraint[] = [];
    if (options.platformSkin) constraints.push(where("platformSkin", "==", options.platformSkin));
    constraints.push(orderBy(SORT_FIELD[order], "desc"), orderBy(documentId(), "desc"));
    if (options.after) constraints.push(startAfter(...decodeCursor(options.after)));
    constraints.push(limit(pageSize));
    const snapshot = await getDocs(query(conversationsOf(ts, requireUid(ts)), ...constraints));
    const items = snapshot.docs.map((d) => readSummary(d.id, d.data()));
    const last = items.at(-1);
    return { items, next: items.length === pageSize && last ? encodeCursor(last, order) : null };
  });
}
