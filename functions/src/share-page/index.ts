// Entry points of everything under `/s/**`, reached through Hosting rewrites (firebase.json):
// `/s/{code}` (GET, or POST from the password form), `/s/{code}/seen` (the view beacon), `/s/_health`
// (the uptime check), `/s/{code}/card.png` and `/card.png`, `/s/{code}/download`. Each has its own
// instance cap: public links are bursty.
import { randomBytes } from "node:crypto";
import type { BlockList } from "node:net";
import { logger } from "firebase-functions";
import { onRequest, type Request } from "firebase-functions/v2/https";
import type { Response } from "express";
import * as z from "zod/mini";
import { DomainError } from "../common/errors.js";
import { loggedHttp } from "../common/request-log.js";
import { addressRanges } from "../common/client-ip.js";
import { hostingProxyHops, hostingProxyRanges } from "../config.js";
import { clientKey } from "../rate-limit/per-ip.js";
import { shareCode, sharePasswordAttempt } from "../schema.js";
import { productionShareDeps } from "../shares/deps.js";
import { defaultBucket, exportFiles } from "../storage/bucket.js";
import { PIXEL, recordPageView } from "./beacon.js";
import { genericCard, shareCardAnswer, type CardResponse } from "./card/card.js";
import { resolveShareDownload } from "./download.js";
import { pageOfQuery, sharePageAnswer, type PageResponse } from "./page.js";
import { conversationImage } from "./card/conversation-image.js";
import { statusOf } from "./status.js";

const pagePath = /^\/s\/([^/]+)\/?$/;
const seenPath = /^\/s\/([^/]+)\/seen$/;
const cardPath = /^\/s\/([^/]+)\/card\.png$/;
const downloadPath = /^\/s\/([^/]+)\/download$/;
/** The password form's field; anything else about the body is ignored. */
const passwordForm = z.object({ password: z.string().check(z.maxLength(1024)) });
const passwordBody = z.object({ password: z.optional(sharePasswordAttempt) });

let cdnRanges: { text: string; list: BlockList } | undefined;
/** HOSTING_PROXY_RANGES parsed once per instance (a bad range fails every request, loudly). */
function cdnNodes(): BlockList {
  const text = hostingProxyRanges.value();
  if (cdnRanges?.text !== text) cdnRanges = { text, list: addressRanges(text) };
  return cdnRanges.list;
}

const callerOf = (req: Request) => ({
  uid: null,
  clientKey: clientKey(req.headers, hostingProxyHops.value(), cdnNodes()),
});

function send(res: Response, answer: PageResponse | CardResponse): void {
  res.status(answer.status).set(answer.headers).send(answer.body);
}

function failed(res: Response, error: unknown): void {
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  res
    .status(503)
    .set({ "Cache-Control": "private, no-store", "Retry-After": "30" })
    .type("text/plain; charset=utf-8")
    .send("잠시 후 다시 시도해 주세요.");
}

/** A redirect never changes, so the CDN may keep it for a day. */
const REDIRECT_CACHE = "public, max-age=86400, s-maxage=86400";

/** `/s/_health`, for the uptime check (ops/): answers at once, reads and writes nothing. */
export const HEALTH_PATH = "/s/_health";

async function answerPage(req: Request, res: Response): Promise<void> {
  if (req.path === HEALTH_PATH) {
    res.status(200).set({ "Cache-Control": "no-store", "X-Robots-Tag": "noindex" }).json({ status: "ok" });
    return;
  }
  const seen = seenPath.exec(req.path);
  if (seen && req.method === "GET") {
    const renderedAt = Number(req.query.r);
    await recordPageView(
      productionShareDeps(),
      callerOf(req),
      seen[1] ?? "",
      req.get("user-agent"),
      Number.isFinite(renderedAt) ? renderedAt : undefined,
    );
    res
      .status(200)
      .set({ "Content-Type": "image/gif", "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" })
      .send(PIXEL);
    return;
  }
  const code = pagePath.exec(req.path)?.[1] ?? "";
  // The page takes no query but a canonical `page=N`: any other would skip the CDN's copy and make
  // us render again, so it gets a redirect that the CDN keeps, and no Firestore work at all.
  const queryAt = req.url.indexOf("?");
  const query = queryAt < 0 ? null : pageOfQuery(code, req.url.slice(queryAt + 1));
  if (req.method === "GET" && query && "redirect" in query) {
    res.status(301).set({ Location: query.redirect, "Cache-Control": REDIRECT_CACHE }).end();
    return;
  }
  const page = query && "page" in query ? query.page : 1;
  const form = req.method === "POST" ? passwordForm.safeParse(req.body) : null;
  const password = form?.success ? form.data.password : req.method === "POST" ? "" : undefined;
  const deps = { ...productionShareDeps(), nonce: () => randomBytes(16).toString("base64") };
  send(
    res,
    await sharePageAnswer(deps, callerOf(req), { code, password, page, userAgent: req.get("user-agent") }),
  );
}

async function answerCard(req: Request, res: Response): Promise<void> {
  const code = cardPath.exec(req.path)?.[1];
  send(
    res,
    code === undefined
      ? await genericCard()
      : await shareCardAnswer(productionShareDeps(), callerOf(req), code),
  );
}

/** The HTTP entry around a handler: its log line, and a 503 (logged with its stack) for our bugs. */
const entry =
  (name: string, answer: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response) =>
    loggedHttp(name, req.get("x-cloud-trace-context"), res, () =>
      answer(req, res).catch((error: unknown) => failed(res, error)),
    );

export const sharePage = onRequest({ maxInstances: 50 }, entry("sharePage", answerPage));

// The card renderer needs more memory (satori + resvg, ~200 MB at peak) and is loaded lazily.
export const shareCard = onRequest({ maxInstances: 20, memory: "512MiB" }, entry("shareCard", answerCard));

function refuse(res: Response, error: DomainError): void {
  res.removeHeader("Content-Disposition"); // a refusal (a failed render too) is no attachment
  const retry = error.extra.retryAfterSeconds;
  if (typeof retry === "number") res.setHeader("Retry-After", String(retry));
  res
    .status(statusOf(error))
    .json({ error: { code: error.code, reason: error.reason, message: error.message } });
}

/**
 * `GET /s/{code}/download` (public shares) or `POST` with a `password` field (protected ones): the
 * share's newest exported image, or the conversation rendered, as an attachment.
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
        const download = await resolveShareDownload(
          productionShareDeps(),
          callerOf(req),
          bucket && exportFiles(bucket),
          {
            code: code.data,
            password: body.data.password,
          },
        );
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
