import type { Firestore } from "firebase-admin/firestore";
import { USERS_COLLECTION, userStoragePrefix } from "../schema.js";

/** Share links; their functions-only companions must live under `shares/{code}/` to go with them. */
export const SHARES_COLLECTION = "shares";

/** The one Storage call deletion needs; null where no Storage is reachable (the offline emulator). */
export interface UserFiles {
  deleteFiles(options: { prefix: string }): Promise<unknown>;
}

export interface DeleteUserDataDeps {
  db: Firestore;
  files: UserFiles | null;
  log: (message: string, fields: Record<string, unknown>) => void;
}

export interface DeletionSummary {
  sharesDeleted: number;
  storage: "deleted" | "skipped";
}

/**
 * Deletes everything `uid` owns: `users/{uid}` with every sub-collection (conversations and whatever
 * is added under them later), their shares with their sub-collections, and their Storage files. A
 * missing Storage is logged and skipped so the rest still goes.
 */
export async function deleteUserData(uid: string, deps: DeleteUserDataDeps): Promise<DeletionSummary> {
  const { db } = deps;
  const shares = await db.collection(SHARES_COLLECTION).where("ownerUid", "==", uid).select().get();
  await Promise.all([
    db.recursiveDelete(db.collection(USERS_COLLECTION).doc(uid)),
    ...shares.docs.map((share) => db.recursiveDelete(share.ref)),
  ]);
  const prefix = userStoragePrefix(uid);
  if (deps.files === null) {
    deps.log("Storage is not available here: the user's files were not deleted.", { uid, prefix });
    return { sharesDeleted: shares.size, storage: "skipped" };
  }
  await deps.files.deleteFiles({ prefix });
  return { sharesDeleted: shares.size, storage: "deleted" };
}
