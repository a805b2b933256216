// The SPA's own projects (tests/fixtures/spa, made by its code) saved as they are, under their own
// ids, and round-tripped SPA → cloud → SPA → cloud without a change.
import { readFileSync } from "node:fs";
import { createUserWithEmailAndPassword } from "firebase/auth";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  createConversation,
  getConversation,
  importProjects,
  saveConversation,
  toConversationData,
  toSpaProject,
  toSpaConversation,
  TalkStudioError,
  type StoredConversation,
  type TalkStudio,
} from "../../client/src/index.js";
import { hashedImportId } from "../../client/src/migration/import-ids.js";
import { conversationData } from "../support/conversation-data.js";
import { clearAuth, clearFirestore, closeClients, newClient } from "../support/emulators.js";

interface SpaFixture {
  localStorage: { talkstudio_projects: { id: string }[] };
}
const projects = ["editor", "ai-generator", "excel"].flatMap(
  (name) =>
    (JSON.parse(readFileSync(`tests/fixtures/spa/${name}.json`, "utf8")) as SpaFixture).localStorage
      .talkstudio_projects,
);

let users = 0;
async function signedIn(): Promise<TalkStudio> {
  const ts = newClient();
  await createUserWithEmailAndPassword(ts.auth, `spa-shapes${++users}@example.com`, "password123");
  return ts;
}
/** The TalkStudioError a call throws (or rejects with). */
async function failure(call: () => unknown): Promise<TalkStudioError> {
  try {
    await call();
  } catch (error) {
    expect(error).toBeInstanceOf(TalkStudioError);
    return error as TalkStudioError;
  }
  return expect.unreachable("Expected the call to fail, and it succeeded.");
}
const dataOf = ({ title, conversation, theme, statusBar }: StoredConversation) => ({
  title,
  conversation,
  theme,
  statusBar,
});

beforeEach(async () => {
  await Promise.all([clearFirestore(), clearAuth()]);
});
afterAll(closeClients);

describe("toConversationData and toSpaProject", () => {
  it(`round-trip every project the SPA's code made (${projects.length}) through the cloud unchanged`, async () => {
    expect(projects.length).toBeGreaterThanOrEqual(12);
    const ts = await signedIn();
    for (const project of projects) {
      const data = toConversationData(project);
      const { id } = await createConversation(ts, data, { id: project.id });
      expect(id).toBe(project.id);
      const stored = await getConversation(ts, id);
      expect(dataOf(stored)).toEqual(data);

      const spa = toSpaProject(stored);
      expect(Object.keys(spa).sort()).toEqual(
        ["conversation", "createdAt", "id", "statusBar", "theme", "title", "updatedAt"].sort(),
      );
      expect(spa.id).toBe(project.id);
      const again = toConversationData(spa);
      expect(again).toEqual(data);
      // What a remote change becomes in the store: the same, without the id and times.
      expect(toSpaConversation(data)).toEqual({
        title: spa.title,
        conversation: spa.conversation,
        theme: spa.theme,
        statusBar: spa.statusBar,
      });

      await saveConversation(ts, id, again, stored.revision);
      const resaved = await getConversation(ts, id);
      expect(dataOf(resaved)).toEqual(dataOf(stored));
      expect(toSpaProject(resaved)).toEqual({ ...spa, updatedAt: resaved.projectUpdatedAt.toISOString() });
    }
  });

  it("give the SPA its text escaped as its own sanitizer leaves it, and take it back plain", () => {
    const data = conversationData(1, `"따옴표" & Tom <3 it's a/b`);
    const chat = { ...data.conversation, title: `"따옴표" & 친구` };
    const spa = toSpaProject({
      ...data,
      conversation: chat,
      id: "proj_1",
      revision: 1,
      platformSkin: "kakao",
      themeId: "kakao",
      messageCount: 1,
      preview: "",
      createdAt: new Date(0),
      updatedAt: new Date(0),
      projectCreatedAt: new Date("2025-03-14T09:00:00Z"),
      projectUpdatedAt: new Date("2025-03-14T10:00:00Z"),
      importedFrom: null,
      copiedFromShare: null,
    });
    // The project's own title is plain in the SPA (its list renders it as text); the chat's title
    // passes the SPA's sanitizer, so it is escaped like message text.
    expect(spa.title).toBe(`"따옴표" & Tom <3 it's a/b`);
    expect(spa.conversation.title).toBe("&quot;따옴표&quot; &amp; 친구");
    expect(spa.createdAt).toBe("2025-03-14T09:00:00.000Z");
    expect(toConversationData(spa)).toEqual({ ...data, conversation: chat });
  });

  it("refuse what does not fit, with the issues", async () => {
    const error = await failure(() => toConversationData({ title: 5, conversation: "x" }));
    expect(error.kind).toBe("invalid");
    expect(error.details.issues?.length).toBeGreaterThan(0);
  });
});

describe("createConversation with the SPA's project id", () => {
  it("never overwrites a conversation that has the id already", async () => {
    const ts = await signedIn();
    await createConversation(ts, conversationData(2, "first"), { id: "proj_1741921858359_2k7f6hq" });
    const error = await failure(() =>
      createConversation(ts, conversationData(3, "second"), { id: "proj_1741921858359_2k7f6hq" }),
    );
    expect([error.kind, error.reason]).toEqual(["conflict", "conversation-exists"]);
    expect((await getConversation(ts, "proj_1741921858359_2k7f6hq")).title).toBe("first");
  });

  it.each(["a/b", ".", "..", "__x__", "", "p".repeat(65)])(
    "refuses the id %j before any write",
    async (id) => {
      const ts = await signedIn();
      const error = await failure(() => createConversation(ts, conversationData(), { id }));
      expect(error.kind).toBe("invalid");
      expect(error.details.issues?.[0]?.message).not.toMatch(/Invalid input/);
    },
  );
});

describe("the migration keeps project ids", () => {
  it("imports under the SPA's id, and finds a project an earlier version imported under its hash", async () => {
    const ts = await signedIn();
    const [first, second] = projects as [{ id: string }, { id: string }];
    // As the migration did before it kept ids: the same project under the hashed id.
    const hashed = await hashedImportId("talkstudio_projects", first.id);
    await createConversation(ts, toConversationData(first), { id: hashed });

    const result = await importProjects(ts, [first, second]);
    expect(result.imported.map((p) => p.conversationId)).toEqual([second.id]);
    expect(result.skipped.map((p) => [p.conversationId, p.reason])).toEqual([[hashed, "already-imported"]]);
    const again = await importProjects(ts, [first, second]);
    expect(again.imported).toEqual([]);
    expect(again.skipped.map((p) => p.conversationId).sort()).toEqual([hashed, second.id].sort());
  });
});
