// The page's view beacon, `/s/{code}/seen?r={rendered at}`: counts the viewers of copies Hosting's
// CDN serves, which the page's render never sees.
import { DomainError } from "../common/errors.js";
import { consumeRateLimit } from "../rate-limit/rate-limiter.js";
import { RATE_LIMIT_RULES } from "../rate-limit/rules.js";
import { shareCode } from "../schema.js";
import type { ShareCaller, ShareDeps } from "../shares/deps.js";
import { unlockShare } from "../shares/open.js";
import { countPageView } from "../shares/views.js";

/** A transparent 1×1 GIF: the page's view beacon answers with it. */
export const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/**
 * A beacon this soon after its page was rendered belongs to the viewer the render already counted;
 * later ones come from copies Hosting's CDN kept (PUBLIC_PAGE_MAX_AGE_S) and are new viewers.
 */
export const BEACON_GRACE_MS = 5_000;

/**
 * Loaded by the page as an image: counts a person's view of a live public share served from the
 * CDN's copy, so caching hides no viewer and none counts twice. Crawlers neither load it nor count.
 * A copy lives at most two minutes (CDN, then browser), so an address counts at most once per share
 * in two minutes: replaying the URL, or forging its render time, adds nothing. Returns whether it
 * counted.
 */
export async function recordPageView(
  deps: ShareDeps,
  caller: ShareCaller,
  code: string,
  userAgent: string | undefined,
  renderedAt: number | undefined,
): Promise<boolean> {
  if (!shareCode.safeParse(code).success) return false;
  // Every page's beacon carries its render time; one without is not ours.
  if (renderedAt === undefined || deps.now().getTime() - renderedAt < BEACON_GRACE_MS) return false;
  try {
    const { share } = await unlockShare(deps, caller, code, undefined);
    const once = RATE_LIMIT_RULES.beaconViewsPerShareAndAddress;
    await consumeRateLimit(deps.db, once, `${code}|${caller.clientKey}`, deps.now());
    return await countPageView(deps.db, code, share.expiresAt, userAgent);
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}
