// Words for people: what the SPA shows for any error the client raises, in Korean (its users) or
// English. The precise `reason` wins over the coarse `kind`.
import { toTalkStudioError } from "../talkstudio-error.js";
import { en } from "./en.js";
import { ko } from "./ko.js";
import type { MessageTable, WordedReason } from "./table.js";

export type { MessageTable, WordedReason } from "./table.js";
export type Locale = "ko" | "en";
export const MESSAGES: Readonly<Record<Locale, MessageTable>> = { ko, en };

/**
 * A sentence for the user about `error` (a TalkStudioError, or anything a Firebase call threw).
 * Never a class name, code or stack: the developer's details stay on the error.
 */
export function messageOf(error: unknown, locale: Locale = "ko"): string {
  const typed = toTalkStudioError(error);
  const table = MESSAGES[locale] ?? ko;
  const reason = typed.reason;
  const { path, limit, size } = typed.details;
  const sentence =
    reason === "project-too-large" && typeof path === "string" && typeof limit === "number"
      ? table.tooLarge(path, limit, typeof size === "number" ? size : undefined)
      : reason !== undefined && Object.hasOwn(table.reasons, reason)
        ? table.reasons[reason as WordedReason]
        : table.kinds[typed.kind];
  const wait = typed.details.retryAfterSeconds;
  return typeof wait === "number" && wait > 0 ? `${sentence} ${table.retryAfter(Math.ceil(wait))}` : sentence;
}
