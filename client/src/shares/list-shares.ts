import {
  collection,
  documentId,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  where,
  type QueryConstraint,
  type Timestamp,
} from "firebase/firestore";
import { ESTIMATED } from "../estimated.js";
import type { TalkStudio } from "../firebase.js";
import { checkedPageSize, pageCursor, readPageCursor } from "../page-cursor.js";
import { requireUid } from "../require-uid.js";
import { firestorePaths, type ShareSettings } from "../schema/index.js";
import { settingsOf } from "../schema/share-settings.js";
import { typedErrors } from "../talkstudio-error.js";
import { storedOwnShare } from "./stored-share.js";

export interface ShareListOptions {
  /** Default 20, at most 100. */
  readonly pageSize?: number;
  /** The `next` of the previous page. */
  readonly after?: string | null;
  /** Only the shares of one conversation. */
  readonly conversationId?: string;
}

export interface SharePage {
  readonly items: ShareSettings[];
  readonly next: string | null;
}

/** The signed-in user's shares (revoked and expired ones included), newest first, a page at a time. */
export function listShares(ts: TalkStudio, options: ShareListOptions = {}): Promise<SharePage> {
  return typedErrors(async () => {
    const uid = requireUid(ts);
    const pageSize = checkedPageSize(options.pageSize);
    const constraints: QueryConstraint[] = [];
    if (options.conversationId) constraints.push(where("conversationId", "==", options.conversationId));
    constraints.push(orderBy("createdAt", "desc"), orderBy(documentId(), "desc"));
    if (options.after) constraints.push(startAfter(...readPageCursor(options.after, "listShares")));
    constraints.push(limit(pageSize));
    // The owner's own records: the public documents carry nothing that names their owner.
    const snapshot = await getDocs(query(collection(ts.db, firestorePaths.ownShares(uid)), ...constraints));
    // createShare's `url` comes from the server; listed rows build it from the same base URL.
    const items = snapshot.docs.map((d) =>
      settingsOf(d.id, storedOwnShare.parse(d.data(ESTIMATED)), ts.shareBaseUrl),
    );
    const last = snapshot.docs.at(-1);
    const lastCreated = last?.get("createdAt", ESTIMATED) as Timestamp | undefined;
    const next = items.length === pageSize && last && lastCreated ? pageCursor(lastCreated, last.id) : null;
    return { items, next };
  });
}
