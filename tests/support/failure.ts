import { expect } from "vitest";
import { TalkStudioError } from "../../client/src/index.js";

/** The kind and server reason of a client call that must fail, for `expect(...).toEqual(...)`. */
export async function failureOf(promise: Promise<unknown>): Promise<{ kind: string; reason: unknown }> {
  const error: unknown = await promise.then(
    () => expect.unreachable("Expected the call to fail, and it succeeded."),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TalkStudioError);
  const { kind, reason } = error as TalkStudioError;
  return { kind, reason };
}
