// App Check on callables (docs/sharing.md, "App Check"). The Functions emulator decodes an App Check
// token without verifying it, and on the offline emulators the debug provider's exchange with Google
// fails, so its calls carry none: the demo project leaves ENFORCE_APP_CHECK off. The enforcement
// itself is driven here through the deployed callables' own wrappers (`run`, the request as the SDK
// hands it over after its token check), with the param on as a real project sets it.
import { createUserWithEmailAndPassword } from "firebase/auth";
import { CustomProvider } from "firebase/app-check";
import { deleteApp, initializeApp } from "firebase/app";
import type { CallableRequest } from "firebase-functions/v2/https";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  APP_CHECK_CONSUMING_CALLABLES,
  createConversation,
  createShare,
  createTalkStudio,
  openShare,
} from "../../client/src/index.js";
import * as exported from "../../functions/src/index.js";
import { conversationData } from "../support/conversation-data.js";
import { closeClients, emulatorHosts, PROJECT_ID } from "../support/emulators.js";

type Runnable = { run: (request: CallableRequest<unknown>) => Promise<unknown> };

/** The request as the SDK passes it on once its own token check is done: `app` is what it verified. */
function requestWith(app: CallableRequest<unknown>["app"], data: unknown): CallableRequest<unknown> {
  return {
    data,
    app,
    rawRequest: { get: () => undefined, headers: {} },
    acceptsStreaming: false,
  } as unknown as CallableRequest<unknown>;
}
const attested = (alreadyConsumed?: boolean) =>
  ({ appId: "1:1:web:1", token: {}, ...(alreadyConsumed === undefined ? {} : { alreadyConsumed }) }) as never;

async function refusal(name: keyof typeof exported, request: CallableRequest<unknown>) {
  try {
    await (exported[name] as unknown as Runnable).run(request);
    return "answered";
  } catch (error) {
    const e = error as { code?: string; details?: { reason?: string } };
    return `${e.code}/${e.details?.reason}`;
  }
}

const original = process.env.ENFORCE_APP_CHECK;
afterEach(() => {
  if (original === undefined) delete process.env.ENFORCE_APP_CHECK;
  else process.env.ENFORCE_APP_CHECK = original;
});
afterAll(closeClients);

describe("App Check enforcement (ENFORCE_APP_CHECK)", () => {
  it("refuses a call without a valid token when on, before reading its input; lets it through when off", async () => {
    process.env.ENFORCE_APP_CHECK = "true";
    expect(await refusal("openShare", requestWith(undefined, { code: "x" }))).toBe(
      "unauthenticated/app-check-failed",
    );
    expect(await refusal("acceptInvite", requestWith(undefined, {}))).toBe(
      "unauthenticated/app-check-failed",
    );
    // Attested: on to the input check (and for acceptInvite, the sign-in check).
    expect(await refusal("openShare", requestWith(attested(false), { code: "x" }))).toBe(
      "invalid-argument/invalid-input",
    );
    expect(await refusal("acceptInvite", requestWith(attested(), {}))).toBe("unauthenticated/not-signed-in");
    process.env.ENFORCE_APP_CHECK = "false";
    expect(await refusal("openShare", requestWith(undefined, { code: "x" }))).toBe(
      "invalid-argument/invalid-input",
    );
  });

  it("refuses a replayed token on the password paths, which consume theirs", async () => {
    process.env.ENFORCE_APP_CHECK = "true";
    expect([...APP_CHECK_CONSUMING_CALLABLES].sort()).toEqual(["copySharedConversation", "openShare"]);
    for (const name of APP_CHECK_CONSUMING_CALLABLES) {
      const endpoint = (
        exported[name as keyof typeof exported] as { __endpoint?: { callableTrigger?: unknown } }
      ).__endpoint;
      expect(endpoint?.callableTrigger).toBeDefined();
      expect(await refusal(name as keyof typeof exported, requestWith(attested(true), {}))).toBe(
        "unauthenticated/app-check-failed",
      );
    }
    // A callable that does not consume its token does not care whether it was seen before.
    expect(await refusal("acceptInvite", requestWith(attested(true), {}))).toBe(
      "unauthenticated/not-signed-in",
    );
  });
});

describe("the client's App Check option on the emulators", () => {
  it("starts App Check with the debug provider and every call still works (the demo does not enforce)", async () => {
    const app = initializeApp(
      { projectId: PROJECT_ID, apiKey: "demo-api-key", appId: "1:1:web:1" },
      `app-check-${Date.now()}`,
    );
    const [host] = emulatorHosts.auth.split(":");
    const production = new CustomProvider({
      getToken: () => Promise.reject(new Error("production attestation is not reachable here")),
    });
    const ts = createTalkStudio(app, {
      emulators: host ? { host } : {},
      appCheck: { provider: production, debugToken: "00000000-0000-4000-8000-000000000000" },
    });
    expect(ts.appCheck).toBeDefined();
    await createUserWithEmailAndPassword(ts.auth, `appcheck${Date.now()}@example.com`, "password123");
    const { id } = await createConversation(ts, conversationData(2));
    const { code } = await createShare(ts, { conversationId: id, password: "우리 둘만 아는 말" });
    // openShare, a consuming callable, is answered too (on the emulators it asks for a plain token).
    expect((await openShare(ts, code, "우리 둘만 아는 말")).title).toBe(conversationData(2).title);
    await deleteApp(app);
  });
});
