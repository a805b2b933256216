import type * as z from "zod/mini";

/**
 * The machine-readable `details.reason` of every HttpsError our functions throw. The SPA switches on
 * these; the HttpsError code is the coarse class, the reason the precise one.
 */
export const ERROR_REASONS = [
  "invalid-input",
  "not-signed-in",
  "account-closed",
  "app-check-failed",
  "rate-limited",
  "busy",
  "kakao-token-invalid",
  "kakao-wrong-app",
  "kakao-unavailable",
  "conversation-not-found",
  "conversation-invalid",
  "share-not-found",
  "share-expired",
  "share-revoked",
  "password-required",
  "wrong-password",
  "password-too-common",
  "download-not-allowed",
  "too-many-shares",
  "invite-not-found",
  "invite-expired",
  "invite-revoked",
  "invite-used-up",
  "too-many-invites",
  "too-many-members",
  "owner-cannot-leave",
  "not-an-editor",
  "version-not-found",
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** The reasons the client itself gives (before any request, or reading what came back). */
export const CLIENT_ERROR_REASONS = [
  "conversation-exists",
  "wrong-file-type",
  "file-too-large",
  "empty-file",
] as const;
export type ClientErrorReason = (typeof CLIENT_ERROR_REASONS)[number];

/** One field that failed validation: `path` is dotted (`conversation.messages.3.text`). */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * zod/mini (chosen for the client's size: docs/performance.md) loads no locale, so every issue
 * without a message of ours says only this; issuesOf words those few kinds itself.
 */
const UNWORDED = "Invalid input";
const UNITS: Readonly<Record<string, string>> = {
  string: " characters",
  array: " items",
};
/**
 * The `expected` of zod's own types. Anything else is the name of a class (`z.instanceof`), which a
 * minifier shortens to "e": never shown.
 */
const TYPE_NAMES: ReadonlySet<string> = new Set([
  "string",
  "number",
  "int",
  "boolean",
  "bigint",
  "symbol",
  "undefined",
  "null",
  "void",
  "never",
  "date",
  "array",
  "object",
  "map",
  "set",
  "file",
  "function",
  "nan",
  "record",
  "tuple",
  "promise",
]);

function wordingOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return TYPE_NAMES.has(issue.expected) ? `expected ${issue.expected}` : "has the wrong type";
    case "too_big":
      return `must be at most ${issue.maximum}${UNITS[issue.origin] ?? ""}`;
    case "too_small":
      return `must be at least ${issue.minimum}${UNITS[issue.origin] ?? ""}`;
    case "invalid_format":
      return `must be a valid ${issue.format}`;
    case "invalid_value":
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length === 1 ? "" : "s"}: ${issue.keys.join(", ")}`;
    case "invalid_union":
      return "matches none of the allowed forms";
    default:
      return "is invalid";
  }
}

/** A zod error as the issues the client and the functions report (never the raw ZodError). */
export function issuesOf(error: z.core.$ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.message === UNWORDED ? wordingOf(issue) : issue.message,
  }));
}
