// The Storage entry points: the hourly sweep of old exports and the check of each upload.
import { logger } from "firebase-functions";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { onObjectFinalized } from "firebase-functions/v2/storage";
import { randomUUID } from "node:crypto";
import { logged } from "../common/request-log.js";
import { defaultBucket, exportFiles, namedBucket, uploadFiles } from "./bucket.js";
import * as exportsSweep from "./exports-sweep.js";
import { checkUpload as check } from "./upload-check.js";

export const sweepExports = onSchedule({ schedule: "every 60 minutes", timeZone: "Asia/Seoul" }, () =>
  logged("sweepExports", randomUUID(), async () => {
    const bucket = await defaultBucket();
    if (bucket === null) return logger.warn("No Storage here: exports were not swept.");
    logger.info("Swept exports.", await exportsSweep.sweepExports(exportFiles(bucket), new Date()));
  }),
);

// On the default bucket, where storage.rules let users upload.
export const checkUpload = onObjectFinalized((event) =>
  logged("checkUpload", event.id, async () => {
    const { bucket, name, contentType, size } = event.data;
    const verdict = await check(uploadFiles(await namedBucket(bucket)), {
      name,
      contentType,
      // Typed a number, but Cloud Storage's JSON (the event's payload) writes it as a string.
      size: Number(size),
    });
    if (verdict === "wrong-bytes" || verdict === "over-count") logger.warn("Deleted an upload.", { verdict });
  }),
);
