// What the SPA saw running against the emulators: its own saves must not read as errors, and reads
// with the network off must say `unavailable`.
import { createUserWithEmailAndPassword } from "firebase/auth";
import { disableNetwork, enableNetwork } from "firebase/firestore";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  createConversation,
  getConversation,
  listConversations,
  saveConversation,
  watchConversation,
  type StoredConversation,
  type TalkStudio,
  type TalkStudioError,
} from "../../client/src/index.js";
import { conversationData } from "../support/conversation-data.js";
import { clearAuth, clearFirestore, closeClients, newClient } from "../support/emulators.js";
import { failureOf } from "../support/failure.js";

/** Waits until `ready` holds (a listener has caught up). */
async function until(ready: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`Not within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let users = 0;
async function signedIn(): Promise<TalkStudio> {
  const ts = newClient();
  await createUserWithEmailAndPassword(ts.auth, `pending${++users}@example.com`, "password123");
  return ts;
}

beforeEach(async () => {
  await Promise.all([clearFirestore(), clearAuth()]);
});
afterAll(closeClients);

describe("a tab's own pending writes", () => {
  it("reach watchConversation as changes, never as errors", async () => {
    const ts = await signedIn();
    const { id } = await createConversation(ts, conversationData(2));
    const seen: (StoredConversation | null)[] = [];
    const errors: TalkStudioError[] = [];
    const stop = watchConversation(
      ts,
      id,
      (c) => seen.push(c),
      (e) => errors.push(e),
    );
    await until(() => seen.at(-1)?.revision === 1);
    let revision = 1;
    for (const count of [3, 4, 5]) {
      ({ revision } = await saveConversation(ts, id, conversationData(count), revision));
    }
    await until(() => seen.at(-1)?.messageCount === 5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop();
    expect(errors).toEqual([]);
    // Pending snapshots carry the estimated server time, a real Date, not null.
    for (const c of seen) expect(c?.updatedAt).toBeInstanceOf(Date);
  });
});

describe("with the network off", () => {
  it("reads fail as unavailable, pending writes or not", async () => {
    const ts = await signedIn();
    const { id } = await createConversation(ts, conversationData(2));
    await getConversation(ts, id);
    await disableNetwork(ts.db);
    try {
      expect(await failureOf(listConversations(ts))).toEqual({ kind: "unavailable", reason: undefined });
      expect(await failureOf(getConversation(ts, "never-read"))).toEqual({
        kind: "unavailable",
        reason: undefined,
      });
      // A save made offline stays pending with a null server time; the list still says unavailable.
      void saveConversation(ts, id, conversationData(3), 1).catch(() => undefined);
      expect(await failureOf(listConversations(ts))).toEqual({ kind: "unavailable", reason: undefined });
    } finally {
      await enableNetwork(ts.db);
    }
  });
});
