import {
  connectFunctionsEmulator,
  getFunctions,
  httpsCallable,
  type Functions,
  type HttpsCallableOptions,
} from "firebase/functions";
import type { TalkStudio } from "./firebase.js";
import { lazyService } from "./lazy-service.js";
import { FUNCTIONS_REGION } from "./schema/index.js";

/** Cloud Functions in TalkStudio's region, started on the first call. */
export const functionsOf = lazyService((ts): Functions => {
  const functions = getFunctions(ts.app, FUNCTIONS_REGION);
  if (ts.emulators) connectFunctionsEmulator(functions, ts.emulators.host, ts.emulators.functionsPort);
  return functions;
});

/** One of TalkStudio's callables, as callFunction calls it. */
export const callableOf = (ts: TalkStudio, name: string, options: HttpsCallableOptions) =>
  httpsCallable(functionsOf(ts), name, options);
