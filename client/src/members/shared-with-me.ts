// The conversations others shared with the signed-in user: a collection-group query on the
// summaries whose `memberUids` hold them (firestore.rules lets exactly that query through).
import { collectionGroup, query, where, type DocumentSnapshot } from "firebase/firestore";
import * as z from "zod/mini";
import { readSummary } from "../conversations/records.js";
import {
  nextCursor,
  pageOf,
  serverPage,
  type ConversationPage,
  type ListOptions,
} from "../conversations/list.js";
import { ESTIMATED } from "../estimated.js";
import type { TalkStudio } from "../firebase.js";
import { requireUid } from "../require-uid.js";
import { memberRole, type ConversationSummary, type MemberRole } from "../schema/index.js";
import { typedErrors } from "../talkstudio-error.js";

/** A row of listSharedWithMe: the summary, whose it is, and what the signed-in user may do. */
export interface SharedConversationSummary extends ConversationSummary {
  readonly ownerUid: string;
  readonly role: MemberRole;
}

/** The list's options, less the skin filter (its index exists for one's own list only). */
export type SharedListOptions = Omit<ListOptions, "platformSkin">;

export interface SharedConversationPage extends Omit<ConversationPage, "items"> {
  readonly items: SharedConversationSummary[];
}

const membership = z.object({ members: z.record(z.string(), memberRole) });

function readShared(uid: string, snapshot: DocumentSnapshot): SharedConversationSummary {
  const data = snapshot.data(ESTIMATED) ?? {};
  const role = membership.parse(data).members[uid] ?? "viewer";
  // users/{ownerUid}/conversations/{id}
  return { ...readSummary(snapshot.id, data), ownerUid: snapshot.ref.parent.parent!.id, role };
}

/**
 * Conversations others shared with the signed-in user, newest first (or most recently edited), a
 * page at a time: the same summaries and cursor as `listConversations`, plus `ownerUid` and `role`.
 */
export function listSharedWithMe(
  ts: TalkStudio,
  options: SharedListOptions = {},
): Promise<SharedConversationPage> {
  return typedErrors(async () => {
    const uid = requireUid(ts);
    const mine = query(collectionGroup(ts.db, "conversations"), where("memberUids", "array-contains", uid));
    const page = pageOf(
      mine,
      { pageSize: options.pageSize, after: options.after, order: options.order },
      "listSharedWithMe",
    );
    const snapshot = await serverPage(page);
    const items = snapshot.docs.map((d) => readShared(uid, d));
    // A collection group's cursor is the row's whole path (ids repeat across owners).
    return { items, next: nextCursor(page, items.length, items.at(-1), snapshot.docs.at(-1)?.ref.path) };
  });
}
