import type { Firestore } from "firebase-admin/firestore";
import { firestorePaths, storagePaths } from "../schema.js";

/** The one Storage call deletion needs; null where no Storage is reachable (the offline emulator). */
interface UserFiles {
  deleteFiles(options: { prefix: string }): Promise<unknown>;
}

interface DeleteUserDataDeps {
  db: Firestore;
  files: UserFiles | null;
  log: (message: string, fields: Record<string, unknown>) => void;
}

interface DeletionSummary {
  sharesDeleted: number;
  storage: "deleted" | "skipped";
}

/**
 * Deletes everything `uid` owns: `users/{uid}` with every sub-collection (conversations and whatever
 * is added under them later), their shares with their sub-collections (secret, view shards), and
 * their Storage files. A missing Storage is logged and skipped so the rest still goes.
 */
export async function deleteUserData(uid: string, deps: DeleteUserDataDeps): Promise<DeletionSummary> {
  const { db } = deps;
  const shares = await db.collection(firestorePaths.shares).where("ownerUid", "==", uid).select().get();
  await Promise.all([
    db.recursiveDelete(db.doc(firestorePaths.user(uid))),
    ...shares.docs.map((share) => db.recursiveDelete(share.ref)),
  ]);
  const prefixes = storagePaths.ownedBy(uid);
  if (deps.files === null) {
    deps.log("Storage is not available here: the user's files were not deleted.", { uid, prefixes });
    return { sharesDeleted: shares.size, storage: "skipped" };
  }
  const files = deps.files;
  await Promise.all(prefixes.map((prefix) => files.deleteFiles({ prefix })));
  return { sharesDeleted: shares.size, storage: "deleted" };
}
