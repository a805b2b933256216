import { TalkStudioError, parseOrThrow, typedErrors } from "./talkstudio-error.js";
import type { TalkStudio } from "./firebase.js";
import { callableOf } from "./functions.js";
import { APP_CHECK_CONSUMING_CALLABLES } from "./schema/index.js";
import type { CallableContract, CallableInput, CallableOutput } from "./schema/index.js";

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
    // The emulator never consumes a token, and offline its debug exchange fails: plain tokens there.
    const limitedUseAppCheckTokens = APP_CHECK_CONSUMING_CALLABLES.has(contract.name) && !ts.emulators;
    const call = callableOf(ts, contract.name, { limitedUseAppCheckTokens });
    const { data: answer } = await call(data);
    const parsed = contract.output.safeParse(answer);
    if (!parsed.success) {
      throw new TalkStudioError("unknown", `${contract.name} answered in a shape this client does not know.`);
    }
    return parsed.data as CallableOutput<C>;
  });
}
