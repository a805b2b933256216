import { afterAll, beforeAll, beforeEach } from "vitest";
import { startFakeKakao, type FakeKakao } from "../../dev/fake-kakao.js";

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
