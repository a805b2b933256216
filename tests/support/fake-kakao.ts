import { afterAll, beforeAll, beforeEach } from "vitest";
import { startFakeKakao, type FakeKakao } from "../fakes/kakao-server.js";

/** Runs the fake Kakao API on the port the demo project's functions call, for one test file. */
export function useFakeKakao(): () => FakeKakao {
  let fake: FakeKakao | undefined;
  beforeAll(async () => {
    fake = await startFakeKakao();
  });
  beforeEach(() => fake?.setMode({ kind: "normal" }));
  afterAll(() => fake?.close());
  return () => {
    if (!fake) throw new Error("The fake Kakao server has not started.");
    return fake;
  };
}

/** The reason and code of a rejected callable, for `expect(...).toEqual(...)`. */
export async function failureOf(promise: Promise<unknown>): Promise<{ code: string; reason: unknown }> {
  try {
    await promise;
  } catch (error) {
    const { code, details } = error as { code: string; details?: { reason?: unknown } };
    return { code, reason: details?.reason };
  }
  throw new Error("Expected the call to fail, and it succeeded.");
}
