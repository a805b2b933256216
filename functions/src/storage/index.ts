// Entry points for Storage: the export sweep and share downloads.
import { logger } from "firebase-functions";
import { onRequest, type Request } from "firebase-functions/v2/https";
import { onSchedule } from "firebase-functions/v2/scheduler";
import type { Response } from "express";
import * as z from "zod/mini";
import { DomainError } from "../common/errors.js";
import { hostingProxyHops } from "../config.js";
import { clientKey } from "../rate-limit/per-ip.js";
import { shareCode, sharePassword } from "../schema.js";
import { conversationImage } from "../share-page/card/download.js";
import { shareDeps } from "../shares/runtime.js";
import { defaultBucket, type Bucket } from "./bucket.js";
import { sweepExports as sweep, type ExportFiles } from "./exports-sweep.js";
import { resolveShareDownload, type ExportListing } from "./share-download.js";
import { logged, loggedHttp } from "../common/request-log.js";
import { randomUUID } from "node:crypto";

function exportFiles(bucket: Bucket): ExportFiles & ExportListing {
  const described = (file: { name: string; metadata: { timeCreated?: string; contentType?: string } }) => ({
    name: file.name,
    timeCreated: file.metadata.timeCreated,
    contentType: file.metadata.contentType,
  });
  return {
    async page(prefix, pageToken) {
      const [files, next] = await bucket.getFiles({
        prefix,
        maxResults: 500,
        autoPaginate: false,
        pageToken,
      });
      return { files: files.map(described), next: (next as { pageToken?: string } | null)?.pageToken };
    },
    async delete(name) {
      await bucket.file(name).delete({ ignoreNotFound: true });
    },
    async list(prefix) {
      const [files] = await bucket.getFiles({ prefix });
      return files.map(described);
    },
  };
}

export const sweepExports = onSchedule({ schedule: "every 60 minutes", timeZone: "Asia/Seoul" }, () =>
  logged("sweepExports", randomUUID(), async () => {
    const bucket = await defaultBucket();
    if (bucket === null) return logger.warn("No Storage here: exports were not swept.");
    logger.info("Swept exports.", await sweep(exportFiles(bucket), new Date()));
  }),
);

const STATUS: Record<string, number> = {
  "invalid-argument": 400,
  "permission-denied": 403,
  "not-found": 404,
  "failed-precondition": 403,
  "resource-exhausted": 429,
  unavailable: 503,
};
/** An expired or revoked share is gone, not forbidden; a missing password asks for one. */
const STATUS_BY_REASON: Record<string, number> = {
  "share-expired": 410,
  "share-revoked": 410,
  "password-required": 401,
};

const downloadPath = /^\/s\/([^/]+)\/download$/;
const passwordBody = z.object({ password: z.optional(sharePassword) });

function refuse(res: Response, error: DomainError): void {
  res.removeHeader("Content-Disposition"); // a refusal (a failed render too) is no attachment
  const retry = error.extra.retryAfterSeconds;
  if (typeof retry === "number") res.setHeader("Retry-After", String(retry));
  res
    .status(STATUS_BY_REASON[error.reason] ?? STATUS[error.code] ?? 400)
    .json({ error: { code: error.code, reason: error.reason, message: error.message } });
}

/**
 * `GET /s/{code}/download` (public shares) or `POST` with a `password` field (protected ones), behind
 * the Hosting rewrite: the share's newest exported image, or the conversation rendered, as an attachment.
 */
export const shareDownload = onRequest(
  { maxInstances: 20, memory: "512MiB" },
  (req: Request, res: Response) =>
    loggedHttp("shareDownload", req.get("x-cloud-trace-context"), res, async () => {
      res.setHeader("X-Robots-Tag", "noindex");
      res.setHeader("Cache-Control", "private, no-store");
      res.setHeader("X-Content-Type-Options", "nosniff");
      try {
        const code = shareCode.safeParse(downloadPath.exec(req.path)?.[1]);
        if (!code.success || !["GET", "POST"].includes(req.method)) {
          throw new DomainError("not-found", "share-not-found", "There is no such download.");
        }
        const body = passwordBody.safeParse(req.method === "POST" ? req.body : {});
        if (!body.success)
          throw new DomainError("invalid-argument", "invalid-input", "The password is not valid.");
        const bucket = await defaultBucket();
        const caller = { uid: null, clientKey: clientKey(req.headers, hostingProxyHops.value()) };
        const download = await resolveShareDownload(shareDeps(), caller, bucket && exportFiles(bucket), {
          code: code.data,
          password: body.data.password,
        });
        res.setHeader("Content-Disposition", `attachment; filename="${download.fileName}"`);
        if (download.kind === "render") {
          const image = await conversationImage(code.data, download.revision, download.content);
          res.setHeader("Content-Type", "image/png");
          res.send(image);
          return;
        }
        res.setHeader("Content-Type", download.contentType);
        bucket!
          .file(download.name)
          .createReadStream()
          .on("error", () => res.destroy())
          .pipe(res);
      } catch (error) {
        if (error instanceof DomainError) return refuse(res, error);
        logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
        res.status(500).json({ error: { code: "internal", message: "Something went wrong on our side." } });
      }
    }),
);
