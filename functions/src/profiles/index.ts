import { getFirestore } from "firebase-admin/firestore";
import * as v1 from "firebase-functions/v1";
import { FUNCTIONS_REGION } from "../schema.js";
import { createProfileIfMissing } from "./profile-from-auth.js";
import { logged } from "../common/request-log.js";

// A v1 trigger: 2nd gen has no Auth onCreate short of blocking functions, which need Identity Platform.
export const onUserCreated = v1
  .region(FUNCTIONS_REGION)
  .auth.user()
  .onCreate((user, context) =>
    logged("onUserCreated", context.eventId, () => createProfileIfMissing(getFirestore(), user, new Date())),
  );
