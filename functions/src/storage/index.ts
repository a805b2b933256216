// The Storage entry point: the hourly sweep of old exports.
import { logger } from "firebase-functions";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { randomUUID } from "node:crypto";
import { logged } from "../common/request-log.js";
import { defaultBucket, exportFiles } from "./bucket.js";
import * as exportsSweep from "./exports-sweep.js";

export const sweepExports = onSchedule({ schedule: "every 60 minutes", timeZone: "Asia/Seoul" }, () =>
  logged("sweepExports", randomUUID(), async () => {
    const bucket = await defaultBucket();
    if (bucket === null) return logger.warn("No Storage here: exports were not swept.");
    logger.info("Swept exports.", await exportsSweep.sweepExports(exportFiles(bucket), new Date()));
  }),
);
