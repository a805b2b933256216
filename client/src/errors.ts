// The one error the client module throws. `kind` is what the SPA acts on; `reason` is the server's
// precise `details.reason` when a function gave one.
// The error class from zod's core: `z.core.$ZodError` would bring all of core (locales included).
import { $ZodError } from "zod/v4/core";
import * as z from "zod/mini";
import { issuesOf, type ValidationIssue } from "./schema/index.js";

export type ErrorKind =
  /** No user is signed in, or the server did not accept the sign-in. */
  | "not-signed-in"
  /** Deleting the account needs a fresh sign-in: sign in again (same provider), then retry. */
  | "recent-login-required"
  | "permission-denied"
  /** The input does not fit the schema or its limits; `details.issues` says where. */
  | "invalid"
  | "not-found"
  /** Someone saved first; `details.current` holds their copy. */
  | "conflict"
  /** The thing exists but is not in a state that allows this (an expired share, for one). */
  | "failed-precondition"
  | "rate-limited"
  /** Offline, or the service is down: worth a retry. */
  | "unavailable"
  /** A bug: the cause is kept. */
  | "unknown";

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
  "auth/requires-recent-login": "recent-login-required",
  "auth/network-request-failed": "unavailable",
};

const serverDetails = z.looseObject({
  reason: z.optional(z.string()),
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  retryAfterSeconds: z.optional(z.number()),
});

// Checked by shape, not instanceof: a bundler can load the SDK twice (ESM and CJS copies).
function firebaseError(error: unknown): { code: string; details?: unknown } | undefined {
  if (!(error instanceof Error) || error.name !== "FirebaseError") return undefined;
  const { code, details } = error as { code?: unknown; details?: unknown };
  return typeof code === "string" ? { code, details } : undefined;
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
    const details = serverDetails.safeParse(firebase.details);
    return new TalkStudioError(
      (Object.hasOwn(KIND_BY_CODE, code) ? KIND_BY_CODE[code] : undefined) ?? "unknown",
      (error as Error).message,
      details.success ? details.data : {},
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
