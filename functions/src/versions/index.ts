// Entry points of version history: thin wrappers over versions.ts.
import { getFirestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import * as z from "zod/mini";
import { signedInCallable } from "../common/callable.js";
import { logged } from "../common/request-log.js";
import { callables, firestorePaths } from "../schema.js";
import * as versions from "./versions.js";

const deps = (): versions.VersionDeps => ({ db: getFirestore(), now: () => new Date() });

export const saveVersion = signedInCallable(callables.saveVersion, {}, (input, { uid }) =>
  versions.saveVersion(deps(), uid, input),
);
export const restoreVersion = signedInCallable(callables.restoreVersion, {}, (input, { uid }) =>
  versions.restoreVersion(deps(), uid, input),
);

const contentParams = z.object({ uid: z.string(), conversationId: z.string() });

// Retried: a missed event would leave a gap in the history (each version is written once at most).
export const recordVersions = onDocumentWritten(
  { document: firestorePaths.content("{uid}", "{conversationId}"), retry: true },
  (event) =>
    logged("recordVersions", event.id, async () => {
      const { uid, conversationId } = contentParams.parse(event.params);
      const before = event.data?.before;
      const result = await versions.recordContentWrite(
        deps(),
        uid,
        conversationId,
        before?.exists && before.updateTime
          ? { data: before.data() ?? {}, updateTime: before.updateTime.toDate() }
          : undefined,
        event.data?.after.exists ? event.data.after.data() : undefined,
      );
      if (result !== "skipped") logger.info("Recorded versions.", { ...event.params, result });
    }),
);
