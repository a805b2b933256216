import { getFirestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import * as v1 from "firebase-functions/v1";
import { FUNCTIONS_REGION } from "../schema.js";
import { defaultBucket } from "../storage/bucket.js";
import { deleteUserData } from "./delete-user-data.js";
import { logged } from "../common/request-log.js";

// Retried on failure (deleteUserData is idempotent) so that a transient error never leaves data behind.
export const onUserDeleted = v1
  .region(FUNCTIONS_REGION)
  .runWith({ failurePolicy: true })
  .auth.user()
  .onDelete((user, context) =>
    logged("onUserDeleted", context.eventId, async () => {
      const summary = await deleteUserData(user.uid, {
        db: getFirestore(),
        files: await defaultBucket(),
        log: (message, fields) => logger.warn(message, fields),
      });
      logger.info("Deleted the data of a deleted account.", { uid: user.uid, ...summary });
    }),
  );
