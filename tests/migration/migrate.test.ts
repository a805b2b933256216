import { createUserWithEmailAndPassword } from "firebase/auth";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  getConversation,
  importedConversationId,
  LIMITS,
  listConversations,
  migrateLocalStorage,
  type MigrationProgress,
  type TalkStudio,
  type TextMessage,
  firestorePaths,
} from "../../client/src/index.js";
import {
  clearAuth,
  clearFirestore,
  closeClients,
  emulatorHosts,
  newClient,
  PROJECT_ID,
} from "../support/emulators.js";
import { fixtureStorage, parsedFixture, storageOf } from "../support/local-storage.js";

let users = 0;
async function signedIn(): Promise<TalkStudio> {
  const ts = newClient();
  await createUserWithEmailAndPassword(ts.auth, `migrator${++users}@example.com`, "password123");
  return ts;
}

const projectId = (key: string) => importedConversationId("talkstudio_projects", key);
const oldId = (name: string) => importedConversationId("talkstudio_conversations", name);
const texts = (messages: readonly unknown[]) => messages.map((m) => (m as TextMessage).text);

/** The fixtures hold 7 projects (one a duplicate) and 3 older-format conversations. */
const IMPORTABLE = 9;

beforeEach(async () => {
  await Promise.all([clearFirestore(), clearAuth()]);
});
afterAll(closeClients);

describe("migrateLocalStorage", () => {
  it("imports both formats, normalising every legacy quirk, and reports what it skipped", async () => {
    const ts = await signedIn();
    const entries = fixtureStorage();
    const before = new Map(entries);
    const result = await migrateLocalStorage(ts, storageOf(entries));

    expect(result.failed).toEqual([]);
    expect(result.imported).toHaveLength(IMPORTABLE);
    expect(result.skipped.map((s) => [s.key, s.reason])).toEqual([
      ["proj_1709622000000_a1b2c3d", "duplicate"],
    ]);
    const dataAvatar = await getConversation(ts, await projectId("proj_1712000000000_d4t4url"));
    expect(dataAvatar.conversation.authors.map((a) => a.avatarUrl)).not.toContainEqual(
      expect.stringMatching(/^data:/),
    );
    expect(entries).toEqual(before); // LocalStorage is only read

    const first = await getConversation(ts, await projectId("proj_1709622000000_a1b2c3d"));
    expect(first).toMatchObject({
      title: "민지랑 저녁 약속",
      importedFrom: "talkstudio_projects",
      revision: 1,
    });
    expect(texts(first.conversation.messages)).toEqual([
      "2024년 3월 5일 화요일",
      "I'm hungry <3",
      '치킨 & 맥주 어때? "교촌"',
      "민지님이 사진을 보냈습니다.",
      "&lt;b&gt; is literal",
    ]);
    expect(first.projectCreatedAt.toISOString()).toBe("2024-03-05T10:00:00.000Z");
    expect(first.projectUpdatedAt.toISOString()).toBe("2024-03-06T12:30:00.000Z");
    expect(first.theme).toMatchObject({ avatarShape: "squircle", customBubbleTail: "default" });

    const shorts = await getConversation(ts, await projectId("proj_1709700000000_k4k4o2s"));
    expect(shorts.conversation.platformSkin).toBe("kakao");
    expect(shorts.theme).toMatchObject({ id: "kakao-shorts", canvasHeight: 1920 });
    const insta = await getConversation(ts, await projectId("proj_1709800000000_1nst4gr"));
    expect(insta.conversation.platformSkin).toBe("insta");
    expect(texts(insta.conversation.messages)).toEqual(["Did you see Jin's post?"]);

    const legacy = await getConversation(ts, await projectId("proj_1690000000000_l3g4cy1"));
    expect(legacy.conversation.messages).toEqual([
      {
        id: "1690000000001",
        role: "other",
        authorId: "other",
        text: "밥 먹었니?",
        datetime: "2023-07-22 오후 12:30",
      },
      {
        id: "1690000000002",
        role: "me",
        authorId: "me",
        text: "네 먹었어요 ^^",
        datetime: "2023-07-22 오후 12:31",
      },
    ]);

    const excel = await getConversation(ts, await projectId("proj_1711000000000_3xc3l00"));
    expect(excel.conversation.authors.map((a) => [a.id, a.name])).toEqual([
      ["me", "나"],
      ["speaker-2", "김팀장"],
      ["speaker-3", "봇"],
    ]);
    expect(excel.conversation.messages.map((m) => ("role" in m ? [m.role, m.authorId, m.text] : m))).toEqual([
      ["me", "me", "회의 시작합니다"],
      ["other", "speaker-2", "네 👍"],
      ["system", "speaker-3", "김팀장님이 입장했습니다"],
    ]);

    const old = await getConversation(ts, await oldId("민지랑 카톡"));
    expect(old).toMatchObject({ title: "민지랑 카톡", importedFrom: "talkstudio_conversations" });
    expect(old.conversation).toMatchObject({ platformSkin: "kakao", title: "민지" });
    expect(old.conversation.authors[1]?.avatarUrl).toMatch(/^https:\/\/api\.dicebear\.com/);
    expect(old.conversation.messages[0]).toMatchObject({
      text: "안녕 & 반가워",
      datetime: "2023-03-28 오후 3:05",
    });
    expect(old.conversation.messages[1]).toMatchObject({ imageUrl: "https://example.com/photos/cat.jpg" });
    expect(old.theme).toEqual({ id: "kakao", name: "kakao" });

    const slashed = await getConversation(ts, await oldId("work/side project .."));
    expect(slashed.conversation).toMatchObject({ platformSkin: "telegram", title: 'PM "Lee"' });
    expect(slashed.statusBar).toEqual({ time: "9:00", battery: 55, isWifi: false });
    const noStatusBar = await getConversation(ts, await oldId("인스타 디엠"));
    expect(noStatusBar.conversation.platformSkin).toBe("insta");
    expect(noStatusBar.projectCreatedAt.getTime()).toBe(1675000000000);

    // The projects' own times order the list: most recently edited first, on request.
    const titles = (await listConversations(ts, { pageSize: 3, order: "updated" })).items.map((i) => i.title);
    expect(titles).toEqual(["업로드한 프사", "엑셀에서 가져온 대화", "DM with Alex"]);
  });

  it("imports nothing twice: a second run skips everything as already imported", async () => {
    const ts = await signedIn();
    await migrateLocalStorage(ts, storageOf(fixtureStorage()));
    const again = await migrateLocalStorage(ts, storageOf(fixtureStorage()));
    expect(again.imported).toEqual([]);
    expect(again.skipped.filter((s) => s.reason === "already-imported")).toHaveLength(IMPORTABLE);
    expect((await listConversations(ts, { pageSize: 100 })).items).toHaveLength(IMPORTABLE);
  });

  it("resumes after a run that died after its first batch, reporting progress on the way", async () => {
    const ts = await signedIn();
    const crash = new Error("tab closed");
    const crashed = migrateLocalStorage(ts, storageOf(fixtureStorage()), {
      via: "client",
      batchSize: 2,
      parallelBatches: 1,
      onProgress: (p) => {
        if (p.imported > 0) throw crash;
      },
    });
    await expect(crashed).rejects.toMatchObject({ cause: crash });
    expect((await listConversations(ts, { pageSize: 100 })).items).toHaveLength(2);

    const progress: MigrationProgress[] = [];
    const resumed = await migrateLocalStorage(ts, storageOf(fixtureStorage()), {
      via: "client",
      batchSize: 2,
      onProgress: (p) => progress.push(p),
    });
    expect(resumed.imported).toHaveLength(IMPORTABLE - 2);
    expect(resumed.skipped.filter((s) => s.reason === "already-imported")).toHaveLength(2);
    expect((await listConversations(ts, { pageSize: 100 })).items).toHaveLength(IMPORTABLE);
    const done = progress.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ total: 10, done: 10, imported: 7, skipped: 3, failed: 0 });
  });

  it("reports over-limit projects and unreadable keys instead of cutting them down", async () => {
    const ts = await signedIn();
    const [project] = parsedFixture("talkstudio_projects");
    const conversation = project?.conversation as { messages: unknown[] };
    const message = { id: "m", role: "me", authorId: "me", text: "가", datetime: "2024-03-05 오후 7:30" };
    const tooMany = {
      ...project,
      id: "too-many",
      conversation: {
        ...conversation,
        messages: Array.from({ length: LIMITS.messages + 1 }, (_, i) => ({ ...message, id: `m${i}` })),
      },
    };
    const tooLong = {
      ...project,
      id: "too-long",
      conversation: {
        ...conversation,
        messages: [{ ...message, text: "가".repeat(LIMITS.messageTextChars + 1) }],
      },
    };
    const entries = new Map([
      ["talkstudio_projects", JSON.stringify([tooMany, tooLong])],
      ["talkstudio_conversations", "{not json"],
    ]);
    const result = await migrateLocalStorage(ts, storageOf(entries));
    expect(result.imported).toEqual([]);
    expect(result.skipped.map((s) => [s.key, s.reason])).toEqual([
      ["talkstudio_conversations", "unreadable"],
      ["too-many", "over-limit"],
      ["too-long", "over-limit"],
    ]);
    expect(result.skipped[1]?.issues?.[0]?.path).toBe("conversation.messages");
    expect(result.skipped[2]?.issues?.[0]?.path).toBe("conversation.messages.0.text");
  });

  it.each(["function", "client"] as const)(
    "stops at the lifetime import budget and reports the rest as rate-limited (via %s)",
    async (via) => {
      const ts = await signedIn();
      const uid = ts.auth.currentUser?.uid ?? "";
      // Seed a nearly spent budget as an admin would (the emulator's "owner" token bypasses the rules).
      const path = `projects/${PROJECT_ID}/databases/(default)/documents/${firestorePaths.throttle(uid, "conversationImports")}`;
      const seeded = await fetch(`http://${emulatorHosts.firestore}/v1/${path}`, {
        method: "PATCH",
        headers: { authorization: "Bearer owner", "content-type": "application/json" },
        body: JSON.stringify({
          fields: {
            count: { integerValue: String(LIMITS.importedConversationsPerUser - 3) },
            ids: { arrayValue: { values: [{ stringValue: "earlier" }] } },
            updatedAt: { timestampValue: new Date().toISOString() },
          },
        }),
      });
      expect(seeded.ok).toBe(true);
      const result = await migrateLocalStorage(ts, storageOf(fixtureStorage()), { via });
      expect(result.imported).toHaveLength(3);
      expect(result.failed).toHaveLength(IMPORTABLE - 3);
      expect(new Set(result.failed.map((f) => f.kind))).toEqual(new Set(["rate-limited"]));
    },
  );
});
