import { getAuth } from "firebase-admin/auth";
import { logger } from "firebase-functions";
import { onCall, type CallableOptions, type CallableRequest } from "firebase-functions/v2/https";
import type * as z from "zod/mini";
import { APP_CHECK_CONSUMING_CALLABLES, type CallableContract, type CallableOutput } from "../schema.js";
import { enforceAppCheck } from "../config.js";
import { assertAppCheck } from "./app-check.js";
import { assertAccountOpen } from "./closed-accounts.js";
import { DomainError, parseInput, toHttpsError } from "./errors.js";
import { logged, requestIdOf } from "./request-log.js";

type Input<C extends CallableContract> = z.output<C["input"]>;
type Handler<C extends CallableContract, Caller> = (
  input: Input<C>,
  caller: Caller,
) => Promise<CallableOutput<C>>;

/** Who called: the raw request (for its headers) and, for signed-in callables, the verified uid. */
export interface AnyCaller {
  readonly uid: string | null;
  readonly request: CallableRequest<unknown>;
}
interface SignedInCaller extends AnyCaller {
  readonly uid: string;
}

/** The answer must match the contract: a mismatch is our bug, never the caller's, so it is `internal`. */
function checkedOutput<C extends CallableContract>(contract: C, output: unknown): CallableOutput<C> {
  const parsed = contract.output.safeParse(output);
  if (parsed.success) return parsed.data as CallableOutput<C>;
  logger.error(`${contract.name} answered outside its contract`, { issues: parsed.error.issues });
  throw new Error(`${contract.name}: output does not match its contract`);
}

function defineCallable<C extends CallableContract, Caller extends AnyCaller>(
  contract: C,
  options: CallableOptions,
  caller: (request: CallableRequest<unknown>) => Caller,
  handler: Handler<C, Caller>,
) {
  // The password paths consume their token: a replayed one is refused (APP_CHECK_CONSUMING_CALLABLES).
  const consumes = APP_CHECK_CONSUMING_CALLABLES.has(contract.name);
  return onCall({ ...options, consumeAppCheckToken: consumes }, (request: CallableRequest<unknown>) =>
    logged(contract.name, requestIdOf(request.rawRequest.get("x-cloud-trace-context")), async () => {
      try {
        assertAppCheck(request.app, { enforced: enforceAppCheck.value(), consumes });
        const who = caller(request);
        const input = parseInput(contract.input, request.data) as Input<C>;
        return checkedOutput(contract, await handler(input, who));
      } catch (error) {
        throw toHttpsError(error);
      }
    }),
  );
}

/**
 * A callable anyone may call (signed in or not): App Check asked for (ENFORCE_APP_CHECK), input
 * parsed, output checked, errors mapped.
 */
export function publicCallable<C extends CallableContract>(
  contract: C,
  options: CallableOptions,
  handler: Handler<C, AnyCaller>,
) {
  return defineCallable(
    contract,
    options,
    (request) => ({ uid: request.auth?.uid ?? null, request }),
    handler,
  );
}

/**
 * A callable for signed-in users only: others get `unauthenticated` before the input is even read.
 * A well-formed call then costs one Auth lookup: a token whose account was deleted, disabled or
 * revoked since it was issued is `unauthenticated` too (malformed input is refused before it).
 */
export function signedInCallable<C extends CallableContract>(
  contract: C,
  options: CallableOptions,
  handler: Handler<C, SignedInCaller>,
) {
  return defineCallable(
    contract,
    options,
    (request) => {
      const uid = request.auth?.uid;
      if (!uid) throw new DomainError("unauthenticated", "not-signed-in", "Sign in first.");
      return { uid, request };
    },
    async (input, caller) => {
      await assertAccountOpen(getAuth(), caller.uid, caller.request.auth?.token.auth_time ?? 0);
      return handler(input, caller);
    },
  );
}
