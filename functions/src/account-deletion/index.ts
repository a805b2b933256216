import { getFirestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import * as v1 from "firebase-functions/v1";
import { FUNCTIONS_REGION } from "../schema.js";
import { defaultBucket } from "../storage/bucket.js";
import { deleteUserData } from "./delete-user-data.js";
import { markAccountClosed } from "../common/closed-accounts.js";
import { logged } from "../common/request-log.js";

// Retried on failure (deleteUserData is idempotent) so that a transient error never leaves data behind.
export const onUserDeleted = v1
  .region(FUNCTIONS_REGION)
  .runWith({ failurePolicy: true })
  .auth.user()
  .onDelete((user, context) =>
    logged("onUserDeleted", context.eventId, async () => {
      const db = getFirestore();
      // The tombstone first: the account's other tabs can write until it exists, and whatever they
      // wrote before it is then found by the deletion below (docs/sign-in.md).
      await markAccountClosed(db, user.uid, "deleted", new Date(context.timestamp));
      const summary = await deleteUserData(user.uid, {
        db,
        files: await defaultBucket(),
        log: (message, fields) => logger.warn(message, fields),
      });
      logger.info("Deleted the data of a deleted account.", { uid: user.uid, ...summary });
    }),
  );
