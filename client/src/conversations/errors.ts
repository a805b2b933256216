import type { FirestoreError } from "firebase/firestore";
import type { z } from "zod";
import type { StoredConversation } from "../schema/index.js";

/**
 * What went wrong, in terms the SPA acts on. `conflict`: someone saved first (`current` holds their
 * copy); `unavailable`: offline or the service is down; `unknown`: a bug (the cause is kept).
 */
export type ConversationErrorKind =
  "conflict" | "not-found" | "permission-denied" | "invalid" | "rate-limited" | "unavailable" | "unknown";

export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

export class ConversationError extends Error {
  override readonly name = "ConversationError";
  constructor(
    readonly kind: ConversationErrorKind,
    message: string,
    readonly details: {
      readonly current?: StoredConversation;
      readonly issues?: readonly ValidationIssue[];
    } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function issuesOf(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

const KIND_BY_CODE: Partial<Record<FirestoreError["code"], ConversationErrorKind>> = {
  "permission-denied": "permission-denied",
  unauthenticated: "permission-denied",
  "not-found": "not-found",
  "invalid-argument": "invalid",
  "resource-exhausted": "rate-limited",
  unavailable: "unavailable",
  "deadline-exceeded": "unavailable",
};

// Checked by shape, not instanceof: a bundler can load the SDK twice (ESM and CJS copies).
function isFirestoreError(error: unknown): error is FirestoreError {
  return (
    error instanceof Error &&
    error.name === "FirebaseError" &&
    typeof (error as { code?: unknown }).code === "string"
  );
}

/** Wraps anything thrown below the API so the SPA never sees a raw Firebase error. */
export function toConversationError(error: unknown): ConversationError {
  if (error instanceof ConversationError) return error;
  if (isFirestoreError(error)) {
    return new ConversationError(KIND_BY_CODE[error.code] ?? "unknown", error.message, {}, { cause: error });
  }
  return new ConversationError("unknown", String(error), {}, { cause: error });
}

/** Runs an API call, turning whatever it throws into a ConversationError. */
export async function typedErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toConversationError(error);
  }
}
