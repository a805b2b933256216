// Each callable is defined once, as a contract in the shared schema: the functions export exactly
// those names as callables in Seoul, and the client refuses bad input before any request leaves.
import { describe, expect, it } from "vitest";
import { callables, FUNCTIONS_REGION, signInWithKakao } from "../../client/src/index.js";
import * as exported from "../../functions/src/index.js";
import { failureOf } from "../support/failure.js";
import { newClient } from "../support/emulators.js";

interface Endpoint {
  region?: string[];
  callableTrigger?: unknown;
}
const endpointOf = (fn: unknown) => (fn as { __endpoint?: Endpoint }).__endpoint;

describe("callable contracts", () => {
  it("names every exported callable, each deployed in Seoul", () => {
    const exportedCallables = Object.entries(exported)
      .filter(([, fn]) => endpointOf(fn)?.callableTrigger !== undefined)
      .map(([name]) => name)
      .sort();
    expect(exportedCallables).toEqual(
      Object.values(callables)
        .map((c) => c.name)
        .sort(),
    );
    for (const name of exportedCallables) {
      expect(endpointOf(exported[name as keyof typeof exported])?.region).toEqual([FUNCTIONS_REGION]);
    }
  });

  it("keys each contract by its own name", () => {
    for (const [key, contract] of Object.entries(callables)) expect(contract.name).toBe(key);
  });

  it("checks input on the client before calling: invalid, with the issues", async () => {
    expect(await failureOf(signInWithKakao(newClient(), "  "))).toEqual({
      kind: "invalid",
      reason: undefined,
    });
  });
});
