// The SPA's project as ConversationData without throwing: what a render or an effect can call on
// anything the SPA holds (a project over a limit must never blank the app). The refusal says where
// and which limit, for messageOf (reason `project-too-large` or `project-invalid`).
import {
  conversationData,
  firestoreBytes,
  MAX_DOCUMENT_BYTES,
  type ConversationData,
} from "../schema/index.js";
import { issuesOf } from "../schema/error-details.js";
import { normaliseProject } from "../migration/read-storage.js";
import { TalkStudioError } from "../talkstudio-error.js";

export type FittedProject =
  | { readonly data: ConversationData; readonly error: null }
  | { readonly data: null; readonly error: TalkStudioError };

/**
 * `toConversationData`'s answer, or the reason it has none: `invalid` with `details.reason`
 * `project-too-large` (`details.path`, dotted; "" for the whole document; `details.limit`;
 * `details.size`, in the limit's unit: characters, items or bytes) or
 * `project-invalid` (`details.issues`). Never throws.
 */
export function fitConversationData(project: unknown): FittedProject {
  let normalised: unknown = project;
  try {
    if (typeof project === "object" && project !== null && !Array.isArray(project))
      normalised = normaliseProject(project as Record<string, unknown>, new Date()).data;
  } catch {
    normalised = project;
  }
  const parsed = conversationData.safeParse(normalised);
  if (parsed.success) return { data: parsed.data, error: null };
  const issues = issuesOf(parsed.error);
  const tooBig = parsed.error.issues.find((issue) => issue.code === "too_big");
  const wholeDocument = parsed.error.issues.find(
    (issue) => issue.code === "custom" && issue.path.length === 0,
  );
  const sized = parsed.error.issues.find(
    (issue) => issue.code === "custom" && typeof issue.params?.["limit"] === "number",
  );
  const over = tooBig
    ? { path: tooBig.path.join("."), limit: Number(tooBig.maximum), size: sizeAt(normalised, tooBig.path) }
    : sized?.code === "custom"
      ? {
          path: sized.path.join("."),
          limit: Number(sized.params?.["limit"]),
          size: firestoreBytes(valueAt(normalised, sized.path)),
        }
      : wholeDocument
        ? { path: "", limit: MAX_DOCUMENT_BYTES, size: firestoreBytes(normalised) }
        : null;
  const error = over
    ? new TalkStudioError("invalid", `The project is over a limit at "${over.path}" (${over.limit}).`, {
        reason: "project-too-large",
        ...over,
        issues,
      })
    : new TalkStudioError("invalid", "The project does not fit the schema.", {
        reason: "project-invalid",
        issues,
      });
  return { data: null, error };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path)
    at = typeof at === "object" && at !== null ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}

/** The length of the text or list at `path` (a number is its own size); undefined if neither. */
function sizeAt(value: unknown, path: readonly PropertyKey[]): number | undefined {
  const at = valueAt(value, path);
  if (typeof at === "string" || Array.isArray(at)) return at.length;
  return typeof at === "number" ? at : undefined;
}
