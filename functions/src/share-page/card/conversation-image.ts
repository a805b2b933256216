// The download image of a share without an export: rendered in the render worker, once per
// revision per instance. A failed render is remembered too, so a conversation that breaks the
// renderer costs one worker per revision, not one per request.
import { logger } from "firebase-functions";
import { DomainError } from "../../common/errors.js";
import type { ConversationData } from "../../schema.js";
import { keptRenders } from "./kept.js";
import { WORKER_LIMITS } from "./card-limits.js";
import { rendererPool } from "./pool.js";

/** Images are up to a few MB each (IMAGE_LIMITS): a handful per instance. */
const IMAGES_KEPT = 16;
const kept = keptRenders<Buffer | null>(IMAGES_KEPT);

/** The PNG of a share's conversation at `revision`; `unavailable` when it cannot be rendered. */
export async function conversationImage(
  code: string,
  revision: number,
  data: ConversationData,
): Promise<Buffer> {
  const png = await kept(`${code}:${revision}`, () =>
    rendererPool()
      .render({ kind: "image", data }, WORKER_LIMITS.imageTimeoutMs)
      .catch((error: unknown) => {
        logger.warn("The download image could not be rendered.", { revision, error: String(error) });
        return null;
      }),
  );
  if (!png) throw new DomainError("unavailable", "busy", "This image cannot be made right now.");
  return png;
}
