// The one error the client module throws. `kind` is what the SPA acts on; `reason` is the server's
// precise `details.reason` when a function gave one.
// The error class from zod's core: `z.core.$ZodError` would bring all of core (locales included).
import { $ZodError } from "zod/v4/core";
import * as z from "zod/mini";
import { errorCode } from "./schema/error-code.js";
import { issuesOf, type ValidationIssue } from "./schema/index.js";

export const ERROR_KINDS = [
  /** No user is signed in, or the server did not accept the sign-in. */
  "not-signed-in",
  /** Deleting the account needs a fresh sign-in: sign in again (same provider), then retry. */
  "recent-login-required",
  "permission-denied",
  /** The input does not fit the schema or its limits; `details.issues` says where. */
  "invalid",
  "not-found",
  /** Someone saved first; `details.current` holds their copy. */
  "conflict",
  /** The thing exists but is not in a state that allows this (an expired share, for one). */
  "failed-precondition",
  "rate-limited",
  /** Offline, or the service is down: worth a retry. */
  "unavailable",
  /** The user closed the sign-in window or cancelled it: usually nothing to show. */
  "cancelled",
  /** A bug: the cause is kept. */
  "unknown",
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/**
 * Firebase Auth's sign-in failures the client words (messageOf), each with its kind. The code itself
 * becomes the error's `reason`; any other auth code is `unknown` with the code as reason too.
 */
export const AUTH_ERROR_KINDS = {
  "auth/popup-closed-by-user": "cancelled",
  "auth/cancelled-popup-request": "cancelled",
  "auth/user-cancelled": "cancelled",
  "auth/popup-blocked": "failed-precondition",
  "auth/operation-not-supported-in-this-environment": "failed-precondition",
  "auth/web-storage-unsupported": "failed-precondition",
  "auth/unauthorized-domain": "failed-precondition",
  "auth/operation-not-allowed": "failed-precondition",
  "auth/account-exists-with-different-credential": "conflict",
  "auth/credential-already-in-use": "conflict",
  "auth/email-already-in-use": "conflict",
  "auth/network-request-failed": "unavailable",
  "auth/timeout": "unavailable",
  "auth/too-many-requests": "rate-limited",
  "auth/user-disabled": "permission-denied",
  "auth/invalid-credential": "not-signed-in",
  "auth/invalid-custom-token": "not-signed-in",
  "auth/user-token-expired": "not-signed-in",
  "auth/requires-recent-login": "recent-login-required",
  "auth/internal-error": "unknown",
} as const satisfies Readonly<Record<string, ErrorKind>>;
export type AuthErrorCode = keyof typeof AUTH_ERROR_KINDS;

export interface ErrorDetails {
  readonly reason?: string;
  readonly issues?: readonly ValidationIssue[];
  readonly retryAfterSeconds?: number;
  readonly [key: string]: unknown;
}

export class TalkStudioError<Details extends ErrorDetails = ErrorDetails> extends Error {
  override readonly name = "TalkStudioError";
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details: Details = {} as Details,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The server's `details.reason`, if it gave one. */
  get reason(): string | undefined {
    return this.details.reason;
  }
}

// Firestore's codes are bare (`permission-denied`); Functions' are prefixed (`functions/not-found`).
const KIND_BY_CODE: Readonly<Record<string, ErrorKind>> = {
  "permission-denied": "permission-denied",
  unauthenticated: "not-signed-in",
  "not-found": "not-found",
  "invalid-argument": "invalid",
  "out-of-range": "invalid",
  "failed-precondition": "failed-precondition",
  "already-exists": "conflict",
  aborted: "conflict",
  "resource-exhausted": "rate-limited",
  unavailable: "unavailable",
  "deadline-exceeded": "unavailable",
  ...AUTH_ERROR_KINDS,
};

const serverDetails = z.looseObject({
  reason: z.optional(z.string()),
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  retryAfterSeconds: z.optional(z.number()),
});

// Checked by shape, not instanceof: a bundler can load the SDK twice (ESM and CJS copies).
function firebaseError(error: unknown): { code: string; details?: unknown } | undefined {
  if (!(error instanceof Error) || error.name !== "FirebaseError") return undefined;
  const code = errorCode(error);
  return typeof code === "string" ? { code, details: (error as { details?: unknown }).details } : undefined;
}

/** Wraps anything thrown below the API so the SPA never sees a raw Firebase or zod error. */
export function toTalkStudioError(error: unknown): TalkStudioError {
  if (error instanceof TalkStudioError) return error as TalkStudioError;
  if (error instanceof $ZodError) {
    return new TalkStudioError("invalid", "The input does not fit the schema.", { issues: issuesOf(error) });
  }
  const firebase = firebaseError(error);
  if (firebase) {
    const code = firebase.code.replace(/^functions\//, "");
    const parsed = serverDetails.safeParse(firebase.details);
    const details = parsed.success ? parsed.data : {};
    // Auth's codes are the precise reason (messageOf words them); other services give their own.
    const reason = code.startsWith("auth/") ? { reason: code } : {};
    return new TalkStudioError(
      (Object.hasOwn(KIND_BY_CODE, code) ? KIND_BY_CODE[code] : undefined) ?? "unknown",
      (error as Error).message,
      { ...details, ...reason },
      { cause: error },
    );
  }
  return new TalkStudioError(
    "unknown",
    error instanceof Error ? error.message : String(error),
    {},
    { cause: error },
  );
}

/** Runs an API call, turning whatever it throws into a TalkStudioError. */
export async function typedErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toTalkStudioError(error);
  }
}

/** Parses with `schema`, throwing TalkStudioError("invalid") with the issues on a mismatch. */
export function parseOrThrow<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  message: string,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new TalkStudioError("invalid", message, { issues: issuesOf(parsed.error) });
  return parsed.data;
}
