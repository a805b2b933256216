import type { Firestore } from "firebase-admin/firestore";
import { deleteInvitesOf, endMembershipsOf } from "../collaboration/member-cleanup.js";
import { firestorePaths, storagePaths } from "../schema.js";

/** The one Storage call deletion needs; null where no Storage is reachable (the offline emulator). */
interface UserFiles {
  deleteFiles(options: { prefix: string }): Promise<unknown>;
}

interface DeleteUserDataDeps {
  db: Firestore;
  files: UserFiles | null;
  log: (message: string, fields: Record<string, unknown>) => void;
  /** Shares read at a time; tests page with fewer. */
  pageSize?: number;
}

/** A user's shares are found and deleted this many at a time, so no read holds all of them. */
export const SHARE_DELETION_PAGE = 100;

interface DeletionSummary {
  sharesDeleted: number;
  /** Conversations of others `uid` was a member of. */
  membershipsEnded: number;
  invitesDeleted: number;
  storage: "deleted" | "skipped";
}

/**
 * Deletes everything `uid` owns: `users/{uid}` with every sub-collection (conversations and whatever
 * is added under them later), their shares with their sub-collections (secret, view shards), the
 * invites to their conversations, and their Storage files; and takes them out of every conversation
 * of others they were a member of. Their own conversations' members lose access with the documents
 * that list them. A missing Storage is logged and skipped so the rest still goes.
 */
export async function deleteUserData(uid: string, deps: DeleteUserDataDeps): Promise<DeletionSummary> {
  const { db } = deps;
  const pageSize = deps.pageSize ?? SHARE_DELETION_PAGE;
  let sharesDeleted = 0;
  // Each page is deleted before the next is read, so the same query from the start finds the rest.
  for (;;) {
    // The owner's records name the shares; each goes with its record.
    const page = await db.collection(firestorePaths.ownShares(uid)).limit(pageSize).select().get();
    await Promise.all(
      page.docs.map(async (own) => {
        await db.recursiveDelete(db.doc(firestorePaths.share(own.id)));
        await own.ref.delete();
      }),
    );
    sharesDeleted += page.size;
    if (page.size < pageSize) break;
  }
  const membershipsEnded = await endMembershipsOf(db, uid, pageSize);
  const invitesDeleted = await deleteInvitesOf(db, uid, undefined, pageSize);
  await db.recursiveDelete(db.doc(firestorePaths.user(uid)));
  const prefixes = storagePaths.ownedBy(uid);
  if (deps.files === null) {
    deps.log("Storage is not available here: the user's files were not deleted.", { uid, prefixes });
    return { sharesDeleted, membershipsEnded, invitesDeleted, storage: "skipped" };
  }
  const files = deps.files;
  await Promise.all(prefixes.map((prefix) => files.deleteFiles({ prefix })));
  return { sharesDeleted, membershipsEnded, invitesDeleted, storage: "deleted" };
}
