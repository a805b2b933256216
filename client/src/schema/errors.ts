import type * as z from "zod";

/**
 * The machine-readable `details.reason` of every HttpsError our functions throw. The SPA switches on
 * these; the HttpsError code is the coarse class, the reason the precise one.
 */
export const ERROR_REASONS = [
  "invalid-input",
  "not-signed-in",
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
  "download-not-allowed",
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** One field that failed validation: `path` is dotted (`conversation.messages.3.text`). */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/** A zod error as the issues the client and the functions report (never the raw ZodError). */
export function issuesOf(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}
