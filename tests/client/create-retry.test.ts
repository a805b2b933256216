// A create whose commit landed but whose answer was lost (a phone losing signal, a busy server): the
// SDK runs the transaction again, and that attempt finds the conversation already there. The fault
// is injected around the real SDK: `runTransaction` commits once for real, then runs the same
// callback again as the SDK's retry does, against the emulator.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as Firestore from "firebase/firestore";
import { createConversation, getConversation, listConversations } from "../../client/src/index.js";
import { conversationData } from "../support/conversation-data.js";
import { clearAuth, clearFirestore, closeClients } from "../support/emulators.js";
import { failureOf } from "../support/failure.js";
import { twoTabs } from "../support/tabs.js";

const faults = vi.hoisted(() => ({ lostAnswers: 0 }));

vi.mock("firebase/firestore", async (original) => {
  const real = await original<typeof Firestore>();
  const runTransaction = async <T>(
    db: Firestore.Firestore,
    update: (transaction: Firestore.Transaction) => Promise<T>,
    options?: Firestore.TransactionOptions,
  ): Promise<T> => {
    if (faults.lostAnswers === 0) return real.runTransaction(db, update, options);
    faults.lostAnswers -= 1;
    await real.runTransaction(db, update, options);
    return real.runTransaction(db, update, options);
  };
  return { ...real, runTransaction };
});

beforeEach(async () => {
  faults.lostAnswers = 0;
  await Promise.all([clearFirestore(), clearAuth()]);
});
afterAll(closeClients);

describe("createConversation after a lost answer", () => {
  it.each([
    ["a chosen id", { id: "proj_1765000000000_lost001" }],
    ["a random id", {}],
  ])("reports %s created once, not refused", async (_, options) => {
    const [tab] = await twoTabs();
    const data = conversationData(3);
    faults.lostAnswers = 1;
    const { id, revision } = await createConversation(tab, data, options);
    expect(faults.lostAnswers).toBe(0);
    expect(revision).toBe(1);
    expect(await getConversation(tab, id)).toMatchObject({ id, revision: 1, title: data.title });
    expect((await listConversations(tab)).items.map((item) => item.id)).toEqual([id]);
  });

  it("still refuses a chosen id another copy holds, retried or not", async () => {
    const [tab] = await twoTabs();
    const id = "proj_1765000000000_taken01";
    await createConversation(tab, conversationData(3), { id });
    faults.lostAnswers = 1;
    const other = { ...conversationData(3), title: "다른 기기의 같은 프로젝트" };
    expect(await failureOf(createConversation(tab, other, { id }))).toEqual({
      kind: "conflict",
      reason: "conversation-exists",
    });
    expect((await getConversation(tab, id)).title).toBe(conversationData(3).title);
  });
});
