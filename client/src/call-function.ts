import { connectFunctionsEmulator, getFunctions, httpsCallable, type Functions } from "firebase/functions";
import { TalkStudioError, parseOrThrow, typedErrors } from "./talkstudio-error.js";
import type { TalkStudio } from "./firebase.js";
import { lazyService } from "./lazy-service.js";
import { APP_CHECK_CONSUMING_CALLABLES, FUNCTIONS_REGION } from "./schema/index.js";
import type { CallableContract, CallableInput, CallableOutput } from "./schema/index.js";

/** Cloud Functions in TalkStudio's region, started on the first call. */
export const functionsOf = lazyService((ts): Functions => {
  const functions = getFunctions(ts.app, FUNCTIONS_REGION);
  if (ts.emulators) connectFunctionsEmulator(functions, ts.emulators.host, ts.emulators.functionsPort);
  return functions;
});

/**
 * Calls a function through its contract: the input is checked before it leaves, the answer after it
 * arrives, and every FunctionsError becomes a TalkStudioError carrying the server's `details.reason`.
 */
export function callFunction<C extends CallableContract>(
  ts: TalkStudio,
  contract: C,
  input: CallableInput<C>,
): Promise<CallableOutput<C>> {
  return typedErrors(async () => {
    const data: unknown = parseOrThrow(contract.input, input, `Not a valid ${contract.name} request.`);
    await ts.appCheckReady;
    const limitedUseAppCheckTokens = APP_CHECK_CONSUMING_CALLABLES.has(contract.name);
    const call = httpsCallable(functionsOf(ts), contract.name, { limitedUseAppCheckTokens });
    const { data: answer } = await call(data);
    const parsed = contract.output.safeParse(answer);
    if (!parsed.success) {
      throw new TalkStudioError("unknown", `${contract.name} answered in a shape this client does not know.`);
    }
    return parsed.data as CallableOutput<C>;
  });
}
