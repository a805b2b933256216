// Entry points of the share page, reached through Hosting rewrites (firebase.json): `/s/{code}`
// (GET, or POST from the password form), `/s/{code}/seen` (the view beacon), `/s/_health` (the
// uptime check), `/s/{code}/card.png` and `/card.png`. Each has its own instance cap: public links are bursty.
import { randomBytes } from "node:crypto";
import { logger } from "firebase-functions";
import { onRequest, type Request } from "firebase-functions/v2/https";
import type { Response } from "express";
import * as z from "zod/mini";
import { loggedHttp } from "../common/request-log.js";
import { hostingProxyHops } from "../config.js";
import { clientKey } from "../rate-limit/per-ip.js";
import { shareDeps } from "../shares/runtime.js";
import { genericCard, shareCard as cardFor, type CardResponse } from "./card.js";
import { PIXEL, recordPageView, sharePage as pageFor, type PageResponse } from "./page.js";

const pagePath = /^\/s\/([^/]+)\/?$/;
const seenPath = /^\/s\/([^/]+)\/seen$/;
const cardPath = /^\/s\/([^/]+)\/card\.png$/;
/** The password form's field; anything else about the body is ignored. */
const passwordForm = z.object({ password: z.string().check(z.maxLength(1024)) });

const callerOf = (req: Request) => ({
  uid: null,
  clientKey: clientKey(req.headers, hostingProxyHops.value()),
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
      shareDeps(),
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
  const form = req.method === "POST" ? passwordForm.safeParse(req.body) : null;
  const password = form?.success ? form.data.password : req.method === "POST" ? "" : undefined;
  const deps = { ...shareDeps(), nonce: () => randomBytes(16).toString("base64") };
  send(res, await pageFor(deps, callerOf(req), { code, password, userAgent: req.get("user-agent") }));
}

async function answerCard(req: Request, res: Response): Promise<void> {
  const code = cardPath.exec(req.path)?.[1];
  send(res, code === undefined ? await genericCard() : await cardFor(shareDeps(), callerOf(req), code));
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
