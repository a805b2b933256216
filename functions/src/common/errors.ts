import { logger } from "firebase-functions";
import { HttpsError, type FunctionsErrorCode } from "firebase-functions/v2/https";
import type * as z from "zod/mini";
import { errorCode, issuesOf, type ErrorReason } from "../schema.js";

/**
 * A failure the caller can act on. Domain functions throw it; entry points turn it into an
 * HttpsError with the same code and `details.reason`, so nothing the caller did wrong is `internal`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<FunctionsErrorCode, "ok" | "internal" | "unknown">,
    readonly reason: ErrorReason,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** gRPC ABORTED, DEADLINE_EXCEEDED, UNAVAILABLE. */
const TRANSIENT_FIRESTORE_CODES = new Set<unknown>([10, 4, 14]);

export function toHttpsError(error: unknown): HttpsError {
  if (error instanceof HttpsError) return error;
  if (error instanceof DomainError) {
    return new HttpsError(error.code, error.message, { reason: error.reason, ...error.extra });
  }
  // Firestore gave up on a contended transaction or timed out: busy, not broken; worth a retry.
  if (TRANSIENT_FIRESTORE_CODES.has(errorCode(error))) {
    return new HttpsError("unavailable", "We are busy; try again.", { reason: "busy" });
  }
  // Anything else is our bug: log it whole (at ERROR, with its stack), tell the caller nothing about internals.
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return new HttpsError("internal", "Something went wrong on our side.");
}

/** Parses callable input; a mismatch is `invalid-argument` listing which fields were wrong. */
export function parseInput<S extends z.ZodMiniType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new DomainError("invalid-argument", "invalid-input", "The request is not valid.", {
    issues: issuesOf(result.error),
  });
}

/** gRPC ALREADY_EXISTS: a `create` whose document is there already (a concurrent writer won). */
const ALREADY_EXISTS = 6;
export const isAlreadyExists = (error: unknown): boolean => errorCode(error) === ALREADY_EXISTS;
