// One structured log line per request or event: which function, how it ended (`ok`, or the error
// code and `details.reason`), how long it took and a request id to find its other lines. Never an
// input: no password, token, email or message text ever reaches a log through here.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { logger } from "firebase-functions";
import { HttpsError } from "firebase-functions/v2/https";
import { DomainError } from "./errors.js";
import { firestoreOpsOf, withFirestoreOps } from "./firestore-ops.js";

interface Outcome {
  outcome: string;
  reason?: string;
  status?: number;
}

/** Cloud Run's trace id (`X-Cloud-Trace-Context: TRACE/SPAN;o=1`) when there is one, else a new id. */
export function requestIdOf(traceHeader: string | undefined): string {
  const trace = traceHeader?.split("/")[0];
  return trace && /^[0-9a-f]{16,64}$/i.test(trace) ? trace : randomUUID();
}

function outcomeOfError(error: unknown): Outcome {
  if (error instanceof HttpsError) {
    const reason = (error.details as { reason?: unknown } | undefined)?.reason;
    return { outcome: error.code, ...(typeof reason === "string" ? { reason } : {}) };
  }
  if (error instanceof DomainError) return { outcome: error.code, reason: error.reason };
  return { outcome: "internal" };
}

const STATUS_CODES: Record<number, string> = {
  400: "invalid-argument",
  401: "unauthenticated",
  403: "permission-denied",
  404: "not-found",
  410: "failed-precondition",
  429: "resource-exhausted",
  503: "unavailable",
};
/** An HTTP answer's status as an outcome in the callables' vocabulary. */
const outcomeOfStatus = (status: number): Outcome =>
  status < 400 ? { outcome: "ok", status } : { outcome: STATUS_CODES[status] ?? "internal", status };

function write(fn: string, requestId: string, startedAt: number, outcome: Outcome): void {
  const entry = {
    fn,
    requestId,
    durationMs: Math.round(performance.now() - startedAt),
    ...outcome,
    ...firestoreOpsOf(),
  };
  const message = `${fn} ${outcome.outcome}${outcome.reason ? ` (${outcome.reason})` : ""}`;
  // Unexpected errors are also logged with their stack at ERROR where they are caught.
  if (outcome.outcome === "ok") logger.info(message, entry);
  else if (outcome.outcome === "internal") logger.error(message, entry);
  else logger.warn(message, entry);
}

/** Runs one request's or event's work and logs its line, whatever the outcome. */
export function logged<T>(fn: string, requestId: string, work: () => Promise<T>): Promise<T> {
  return withFirestoreOps(async () => {
    const startedAt = performance.now();
    try {
      const result = await work();
      write(fn, requestId, startedAt, { outcome: "ok" });
      return result;
    } catch (error) {
      write(fn, requestId, startedAt, outcomeOfError(error));
      throw error;
    }
  });
}

/** The same for an HTTP handler: the line is written when the response has been sent. */
export function loggedHttp(
  fn: string,
  traceHeader: string | undefined,
  res: { statusCode: number; on(event: "finish", listener: () => void): unknown },
  work: () => Promise<void>,
): Promise<void> {
  return withFirestoreOps(async () => {
    const startedAt = performance.now();
    const requestId = requestIdOf(traceHeader);
    res.on("finish", () => write(fn, requestId, startedAt, outcomeOfStatus(res.statusCode)));
    await work();
  });
}
