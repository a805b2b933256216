// App Check on callables (docs/sharing.md, "App Check"): whether a request came from our app. The
// SDK verifies the token (and, where a callable consumes it, marks it used); this decides, behind
// the ENFORCE_APP_CHECK param, what a missing or replayed token means.
import type { CallableRequest } from "firebase-functions/v2/https";
import { DomainError } from "./errors.js";

type AppCheckData = CallableRequest<unknown>["app"];

export interface AppCheckPolicy {
  /** ENFORCE_APP_CHECK: refuse calls without a valid token (off in the demo project). */
  readonly enforced: boolean;
  /** The callable consumes its token (consumeAppCheckToken): a token seen before is a replay. */
  readonly consumes: boolean;
}

/**
 * Refuses, when enforced, a call with no valid App Check token (the SDK leaves `app` unset for a
 * missing or invalid one) and, on a consuming callable, one whose token was already used.
 */
export function assertAppCheck(app: AppCheckData, policy: AppCheckPolicy): void {
  if (!policy.enforced) return;
  if (app === undefined) {
    throw new DomainError("unauthenticated", "app-check-failed", "This request did not come from our app.");
  }
  if (policy.consumes && app.alreadyConsumed === true) {
    throw new DomainError("unauthenticated", "app-check-failed", "This App Check token was already used.");
  }
}
