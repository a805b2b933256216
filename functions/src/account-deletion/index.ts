import { getFirestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import * as v1 from "firebase-functions/v1";
import { FUNCTIONS_REGION } from "../schema.js";
import { deleteUserData, type UserFiles } from "./delete-user-data.js";

/**
 * The default bucket, or null inside an emulator suite that runs no Storage emulator: there the
 * admin SDK would reach for the real Google Cloud Storage with no credentials.
 */
async function userFiles(): Promise<UserFiles | null> {
  const emulated = process.env.FUNCTIONS_EMULATOR === "true";
  if (emulated && !process.env.FIREBASE_STORAGE_EMULATOR_HOST) return null;
  // Loaded here, not at the top: every function shares this bundle, and only deletion needs Storage.
  const { getStorage } = await import("firebase-admin/storage");
  return getStorage().bucket();
}

// Retried on failure (deleteUserData is idempotent) so that a transient error never leaves data behind.
export const onUserDeleted = v1
  .region(FUNCTIONS_REGION)
  .runWith({ failurePolicy: true })
  .auth.user()
  .onDelete(async (user) => {
    const summary = await deleteUserData(user.uid, {
      db: getFirestore(),
      files: await userFiles(),
      log: (message, fields) => logger.warn(message, fields),
    });
    logger.info("Deleted the data of a deleted account.", { uid: user.uid, ...summary });
  });
