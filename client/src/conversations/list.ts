import {
  documentId,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  Timestamp,
  where,
  type Query,
  type QueryConstraint,
  type QuerySnapshot,
} from "firebase/firestore";
import type { TalkStudio } from "../firebase.js";
import type { ConversationSummary, PlatformSkin } from "../schema/index.js";
import { TalkStudioError, typedErrors } from "../talkstudio-error.js";
import { checkedPageSize, pageCursor, readPageCursor } from "../page-cursor.js";
import { requireUid } from "../require-uid.js";
import { ESTIMATED } from "../estimated.js";
import { readSummary } from "./records.js";
import { conversationsOf } from "./refs.js";

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

interface PageQuery {
  readonly pageSize: number;
  readonly order: ListOrder;
  readonly page: Query;
}

/** One page of `source` in the list's order (filter, sort, cursor, size), for either list. */
export function pageOf(source: Query, options: ListOptions, list: string): PageQuery {
  const pageSize = checkedPageSize(options.pageSize);
  const order = options.order ?? "created";
  if (!Object.hasOwn(SORT_FIELD, order))
    throw new TalkStudioError("invalid", 'order must be "updated" or "created".');
  const constraints: QueryConstraint[] = [];
  if (options.platformSkin) constraints.push(where("platformSkin", "==", options.platformSkin));
  constraints.push(orderBy(SORT_FIELD[order], "desc"), orderBy(documentId(), "desc"));
  if (options.after) constraints.push(startAfter(...readPageCursor(options.after, list)));
  constraints.push(limit(pageSize));
  return { pageSize, order, page: query(source, ...constraints) };
}

/** The `next` of a page whose last row is `last`, keyed as `key` (an id, or a collection group's path). */
export function nextCursor(
  page: PageQuery,
  count: number,
  last: ConversationSummary | undefined,
  key: string | undefined,
): string | null {
  return count === page.pageSize && last && key !== undefined
    ? pageCursor(Timestamp.fromDate(last[SORT_FIELD[page.order]]), key)
    : null;
}

/** The query of one page of the list (`listConversations` reads it, `watchConversations` follows it). */
export const listQuery = (ts: TalkStudio, options: ListOptions): PageQuery =>
  pageOf(conversationsOf(ts, requireUid(ts)), options, "listConversations");

/** A page read from the server: offline, getDocs answers from the cache, which may miss rows. */
export async function serverPage(page: PageQuery): Promise<QuerySnapshot> {
  const snapshot = await getDocs(page.page);
  if (snapshot.metadata.fromCache)
    throw new TalkStudioError("unavailable", "Offline: the list needs the server.");
  return snapshot;
}

/**
 * The signed-in user's conversations, newest (or most recently edited) first, one page at a time. Reads only the
 * small summary documents: a page costs the same whether its conversations hold 5 messages or 500.
 */
export function listConversations(ts: TalkStudio, options: ListOptions = {}): Promise<ConversationPage> {
  return typedErrors(async () => {
    const page = listQuery(ts, options);
    const snapshot = await serverPage(page);
    const items = snapshot.docs.map((d) => readSummary(d.id, d.data(ESTIMATED)));
    return { items, next: nextCursor(page, items.length, items.at(-1), items.at(-1)?.id) };
  });
}
