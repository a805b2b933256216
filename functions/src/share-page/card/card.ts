// `/s/{code}/card.png`: the preview card of a live public share (rendered once per revision per
// instance and cached by Hosting's CDN), or the generic card for everything else.
import { logger } from "firebase-functions";
import { DomainError } from "../../common/errors.js";
import type { HttpAnswer } from "../answer.js";
import { shareCode } from "../../schema.js";
import type { ShareCaller, ShareDeps } from "../../shares/deps.js";
import { unlockShare } from "../../shares/open.js";
import { statusOf } from "../status.js";
import { keptRenders } from "./kept.js";
import { WORKER_LIMITS } from "./card-limits.js";
import { rendererPool } from "./pool.js";

export type CardResponse = HttpAnswer<Buffer>;

/** Cards follow the page's bound: a revoked share's card disappears from the CDN within this. */
export const CARD_MAX_AGE_S = 300;
const RENDERED_KEPT = 64;

// Rendered in the render worker (a child process): satori, resvg and the fonts never load here.
const cached = keptRenders<Buffer>(RENDERED_KEPT);

const png = (status: number, body: Buffer, cache: string): CardResponse => ({
  status,
  headers: {
    "Content-Type": "image/png",
    "Cache-Control": cache,
    "X-Robots-Tag": "noindex",
    "X-Content-Type-Options": "nosniff",
  },
  body,
});

export const genericCard = async (): Promise<CardResponse> =>
  png(
    200,
    await cached("generic", () => rendererPool().render({ kind: "generic" }, WORKER_LIMITS.cardTimeoutMs)),
    "public, max-age=86400, s-maxage=86400",
  );

/** The card for a share code from the URL (checked here). */
export async function shareCardAnswer(
  deps: ShareDeps,
  caller: ShareCaller,
  code: string,
): Promise<CardResponse> {
  if (!shareCode.safeParse(code).success) {
    const generic = await genericCard();
    return { ...generic, status: 404, headers: { ...generic.headers, "Cache-Control": "private, no-store" } };
  }
  try {
    const { share, content } = await unlockShare(deps, caller, code, undefined);
    // A render that fails (a native panic included) answers the generic card, kept for the revision.
    const body = await cached(`${code}:${share.revision}`, () =>
      rendererPool()
        .render({ kind: "card", data: content }, WORKER_LIMITS.cardTimeoutMs)
        .catch(async (error: unknown) => {
          logger.warn("The card could not be rendered.", { revision: share.revision, error: String(error) });
          return (await genericCard()).body;
        }),
    );
    return png(200, body, `public, max-age=${CARD_MAX_AGE_S}, s-maxage=${CARD_MAX_AGE_S}`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // Protected shares show the generic card: it leaks neither title nor messages.
    if (error.reason === "password-required") return genericCard();
    const generic = await genericCard();
    return {
      ...generic,
      status: statusOf(error),
      headers: { ...generic.headers, "Cache-Control": "private, no-store" },
    };
  }
}
