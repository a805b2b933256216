import { onCall, type CallableOptions, type CallableRequest } from "firebase-functions/v2/https";
import type { z } from "zod";
import { parseInput, toHttpsError } from "./errors.js";

/**
 * A callable whose entry stays thin: validate `data` with `schema`, run `handler`, and map every
 * failure to an HttpsError with a `details.reason`.
 */
export function typedCallable<S extends z.ZodType, R>(
  options: CallableOptions,
  schema: S,
  handler: (input: z.infer<S>, request: CallableRequest<unknown>) => Promise<R>,
) {
  return onCall(options, async (request: CallableRequest<unknown>) => {
    try {
      return await handler(parseInput(schema, request.data), request);
    } catch (error) {
      throw toHttpsError(error);
    }
  });
}
