import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  TalkStudioError,
  createConversation,
  deleteConversation,
  getConversation,
  listConversations,
  saveConversation,
  watchConversation,
  LIMITS,
  RATE_LIMITS,
  type StoredConversation,
} from "../../client/src/index.js";
import { withoutRulesCoverage } from "../support/rules-coverage.js";
import { conversationData } from "../support/conversation-data.js";
import { clearAuth, clearFirestore, closeClients, newClient } from "../support/emulators.js";
import { tabs, twoTabs } from "../support/tabs.js";

async function rejection(promise: Promise<unknown>): Promise<TalkStudioError> {
  const error: unknown = await promise.then(
    () => expect.unreachable("expected a rejection"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TalkStudioError);
  return error as TalkStudioError;
}

beforeEach(async () => {
  await Promise.all([clearFirestore(), clearAuth()]);
});
afterAll(closeClients);

describe("create, get, save, delete", () => {
  it("round-trips a conversation and bumps the revision on each save", async () => {
    const [tab] = await twoTabs();
    const data = conversationData(12);
    const { id, revision } = await createConversation(tab, data);
    expect(revision).toBe(1);
    const stored = await getConversation(tab, id);
    expect(stored).toMatchObject({ id, revision: 1, ...data, messageCount: 12, importedFrom: null });
    expect(stored.projectUpdatedAt.getTime()).toBe(stored.updatedAt.getTime());

    const edited = { ...data, title: "수정됨" };
    expect(await saveConversation(tab, id, edited, 1)).toEqual({ revision: 2 });
    expect(await getConversation(tab, id)).toMatchObject({ revision: 2, title: "수정됨" });

    await deleteConversation(tab, id);
    expect((await rejection(getConversation(tab, id))).kind).toBe("not-found");
  });

  it("stores 10,000 messages as the SPA's editor makes them (an Excel import has no row cap)", async () => {
    const [tab] = await twoTabs();
    const data = conversationData(0);
    data.conversation.messages = Array.from({ length: LIMITS.messages }, (_, i) => ({
      id: `msg-${1733812345678 + i}`,
      role: i % 2 ? ("me" as const) : ("other" as const),
      authorId: i % 2 ? "me" : "other",
      text: i % 7 ? "" : "ㅋㅋ",
      datetime: "2024-12-10 오후 12:30",
    }));
    // Its near-1 MiB document would swell the rules coverage report (support/rules-coverage.ts).
    const stored = await withoutRulesCoverage(async () =>
      getConversation(tab, (await createConversation(tab, data)).id),
    );
    expect(stored.conversation.messages).toEqual(data.conversation.messages);
    expect(stored.messageCount).toBe(LIMITS.messages);
  });

  it("turns a save from a stale tab into a conflict carrying the server's copy", async () => {
    const [tabA, tabB] = await twoTabs();
    const { id } = await createConversation(tabA, conversationData());
    await saveConversation(tabA, id, { ...conversationData(), title: "A wins" }, 1);
    const error = await rejection(saveConversation(tabB, id, { ...conversationData(), title: "B loses" }, 1));
    expect(error.kind).toBe("conflict");
    expect(error.details.current).toMatchObject({ id, revision: 2, title: "A wins" });
    expect((await getConversation(tabB, id)).title).toBe("A wins");
  });

  it(
    "lets exactly one of 50 concurrent saves from one revision win; the rest get conflict and its copy",
    {
      timeout: 60_000,
    },
    async () => {
      const all = await tabs(50);
      const { id } = await createConversation(all[0]!, conversationData());
      const edits = all.map((_, i) => ({ ...conversationData(3, `tab ${i}`), title: `tab ${i}` }));
      const outcomes = await Promise.allSettled(all.map((tab, i) => saveConversation(tab, id, edits[i]!, 1)));
      const winners = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [i] : []));
      expect(winners).toHaveLength(1);
      const winner = edits[winners[0]!]!;
      for (const o of outcomes) {
        if (o.status === "fulfilled") continue;
        expect(o.reason).toBeInstanceOf(TalkStudioError);
        const error = o.reason as TalkStudioError;
        expect(error.kind).toBe("conflict");
        expect(error.details.current).toMatchObject({ revision: 2, title: winner.title });
      }
      // Nothing lost: the winner's save is stored whole, and every loser holds it to merge with.
      expect(await getConversation(all[1]!, id)).toMatchObject({ revision: 2, ...winner });
    },
  );

  it("types the other failures: not-found, invalid, permission-denied", async () => {
    const [tab] = await twoTabs();
    expect((await rejection(saveConversation(tab, "missing", conversationData(), 1))).kind).toBe("not-found");
    const invalid = await rejection(createConversation(tab, conversationData(LIMITS.messages + 1)));
    expect(invalid.kind).toBe("invalid");
    expect(invalid.details.issues?.[0]).toEqual({
      path: "conversation.messages",
      message: `must be at most ${LIMITS.messages} items`,
    });
    expect((await listConversations(tab)).items).toEqual([]);
    const signedOut = newClient();
    expect((await rejection(listConversations(signedOut))).kind).toBe("not-signed-in");
  });

  it(`rate-limits the ${RATE_LIMITS.conversationCreatesPerUserPerMinute + 1}th create within a minute`, async () => {
    const [tab] = await twoTabs();
    for (let i = 0; i < RATE_LIMITS.conversationCreatesPerUserPerMinute; i++) {
      await createConversation(tab, conversationData(1, `#${i}`));
    }
    expect((await rejection(createConversation(tab, conversationData()))).kind).toBe("rate-limited");
    expect((await listConversations(tab, { pageSize: 100 })).items).toHaveLength(30);
  });
});

describe("list", () => {
  it("pages newest first with a cursor, and filters by platform", async () => {
    const [tab] = await twoTabs();
    const ids: string[] = [];
    for (const skin of ["kakao", "discord", "kakao", "telegram", "kakao"] as const) {
      const data = conversationData(3, `${skin} ${ids.length}`);
      ids.push(
        (
          await createConversation(tab, {
            ...data,
            conversation: { ...data.conversation, platformSkin: skin },
          })
        ).id,
      );
    }
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await listConversations(tab, { pageSize: 2, after });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      after = page.next;
    } while (after);
    expect(seen).toEqual([...ids].reverse());

    const kakao = await listConversations(tab, { platformSkin: "kakao" });
    expect(kakao.items.map((item) => item.title)).toEqual(["kakao 4", "kakao 2", "kakao 0"]);
    expect(Object.keys(kakao.items[0] ?? {}).sort()).toEqual(
      [
        "copiedFromShare",
        "createdAt",
        "id",
        "importedFrom",
        "messageCount",
        "platformSkin",
        "preview",
        "projectCreatedAt",
        "projectUpdatedAt",
        "revision",
        "themeId",
        "title",
        "updatedAt",
      ].sort(),
    );
    expect(kakao.items[0]).toMatchObject({
      messageCount: 3,
      themeId: "kakao",
      preview: "오늘 저녁에 뭐 먹을까? 치킨 어때요 2",
    });
  });

  it("refuses a cursor it did not make", async () => {
    const [tab] = await twoTabs();
    expect((await rejection(listConversations(tab, { after: "garbage" }))).kind).toBe("invalid");
  });
});

describe("watch", () => {
  it("sees another tab's save and the deletion", async () => {
    const [tabA, tabB] = await twoTabs();
    const { id } = await createConversation(tabA, conversationData());
    const seen: (StoredConversation | null)[] = [];
    const stop = watchConversation(tabB, id, (c) => seen.push(c));
    await expect.poll(() => seen.at(-1)?.revision).toBe(1);
    await saveConversation(tabA, id, { ...conversationData(), title: "from A" }, 1);
    await expect.poll(() => seen.at(-1)?.title).toBe("from A");
    await deleteConversation(tabA, id);
    await expect.poll(() => seen.at(-1)).toBeNull();
    stop();
    expect(seen.every((c) => c === null || c.revision === (c.title === "from A" ? 2 : 1))).toBe(true);
  });
});
