import { FunctionsError, httpsCallable } from "firebase/functions";
import { afterAll, describe, expect, it } from "vitest";
import { closeClients, newClient } from "../support/emulators.js";
import { functionsOf } from "../../client/src/index.js";

afterAll(closeClients);

describe("callable input validation", () => {
  it("answers invalid-argument with details.reason for a malformed request", async () => {
    const call = httpsCallable(functionsOf(newClient()), "kakaoSignIn");
    const error = await call({ accessToken: "" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FunctionsError);
    expect((error as FunctionsError).code).toBe("functions/invalid-argument");
    expect((error as FunctionsError).details).toMatchObject({
      reason: "invalid-input",
      issues: [{ path: "accessToken" }],
    });
  });
});
