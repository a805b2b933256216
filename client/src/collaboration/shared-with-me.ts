// The conversations others shared with the signed-in user: a collection-group query on the
// summaries whose `memberUids` hold them (firestore.rules lets exactly that query through).
import { collectionGroup, query, where, type DocumentSnapshot, type Unsubscribe } from "firebase/firestore";
import * as z from "zod/mini";
import { readSummary } from "../conversations/records.js";
import {
  nextCursor,
  pageOf,
  serverPage,
  type ConversationPage,
  type ListOptions,
} from "../conversations/list.js";
import { watchPage } from "../conversations/watch-list.js";
import { isLost, onAccessChange } from "./access-lost.js";
import { ESTIMATED } from "../estimated.js";
import type { TalkStudio } from "../firebase.js";
import { requireUid } from "../require-uid.js";
import { memberRole, type ConversationSummary, type MemberRole } from "../schema/index.js";
import { typedErrors, type TalkStudioError } from "../talkstudio-error.js";

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

/** The query of one page of the list, for the signed-in user. */
function sharedQuery(ts: TalkStudio, options: SharedListOptions) {
  const uid = requireUid(ts);
  const mine = query(collectionGroup(ts.db, "conversations"), where("memberUids", "array-contains", uid));
  const page = pageOf(
    mine,
    { pageSize: options.pageSize, after: options.after, order: options.order },
    "listSharedWithMe",
  );
  return { uid, page };
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
    const { uid, page } = sharedQuery(ts, options);
    const snapshot = await serverPage(page);
    const items = snapshot.docs.map((d) => readShared(uid, d));
    // A collection group's cursor is the row's whole path (ids repeat across owners).
    return { items, next: nextCursor(page, items.length, items.at(-1), snapshot.docs.at(-1)?.ref.path) };
  });
}

/**
 * Follows one page of `listSharedWithMe` (same options): `onChange` gets the whole page again when
 * someone shares a conversation with the signed-in user, saves or renames one, or takes them out
 * of one (it leaves the page at once). Returns the function that stops watching.
 *
 * A conversation this app's watchers were refused (the user was taken out while it was open) leaves
 * the page at once too, and the query is listened to afresh: the live query is not always told.
 */
export function watchSharedWithMe(
  ts: TalkStudio,
  options: SharedListOptions,
  onChange: (items: SharedConversationSummary[]) => void,
  onError: (error: TalkStudioError) => void = () => undefined,
): Unsubscribe {
  let uid = "";
  let items: SharedConversationSummary[] = [];
  const emit = () => onChange(items.filter((c) => !isLost(ts, c.ownerUid, c.id)));
  const listen = () =>
    watchPage(
      () => {
        const built = sharedQuery(ts, options);
        uid = built.uid;
        return built.page.page;
      },
      (d) => readShared(uid, d),
      (next) => {
        items = next;
        emit();
      },
      onError,
    );
  let stop = listen();
  const stopChanges = onAccessChange(ts, () => {
    emit();
    if (!items.some((c) => isLost(ts, c.ownerUid, c.id))) return;
    stop();
    stop = listen();
  });
  return () => {
    stopChanges();
    stop();
  };
}
