// The projects the SPA's own code leaves in LocalStorage (tests/fixtures/spa, made by
// scripts/spa-fixtures from a copy of the SPA) import whole and read back as the SPA showed them.
import { readFileSync } from "node:fs";
import { createUserWithEmailAndPassword } from "firebase/auth";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  getConversation,
  importedConversationId,
  importProjects,
  listConversations,
  migrateLocalStorage,
  type Message,
  type TalkStudio,
} from "../../client/src/index.js";
import { clearAuth, clearFirestore, closeClients, newClient } from "../support/emulators.js";
import { storageOf } from "../support/local-storage.js";

/** The fields of the SPA's stored JSON this test reads (messages carry either role or sender). */
interface SpaMessage {
  id: string;
  type?: string;
  role?: string;
  sender?: string;
  authorId?: string;
  text?: string;
  datetime?: string;
  time?: string;
}
interface SpaProject {
  id: string;
  title: string;
  createdAt?: string;
  updatedAt: string;
  theme: unknown;
  conversation: {
    title: string;
    platformSkin: string;
    authors: { id: string; name: string }[];
    messages: SpaMessage[];
  };
}
interface SpaFixture {
  spaCommit: string;
  localStorage: { talkstudio_projects: SpaProject[] };
}
const load = (name: string) =>
  JSON.parse(readFileSync(`tests/fixtures/spa/${name}.json`, "utf8")) as SpaFixture;

/** A re-saved project lost its createdAt; its id "proj_<ms>_…" still says when it was made. */
const createdOf = (project: SpaProject) =>
  project.createdAt ?? new Date(Number(/^proj_(\d+)_/.exec(project.id)?.[1])).toISOString();

let users = 0;
async function signedIn(): Promise<TalkStudio> {
  const ts = newClient();
  await createUserWithEmailAndPassword(ts.auth, `spa${++users}@example.com`, "password123");
  return ts;
}

// What the SPA puts on screen, worked out from its stored JSON the way its preview reads it.
const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#x27;": "'",
  "&#x2F;": "/",
};
// A browser draws half a surrogate pair (the SPA's cut can leave one) as U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const shownText = (text: string | undefined) =>
  (text ?? "")
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(/&(amp|lt|gt|quot|#x27|#x2F);/g, (e) => ENTITIES[e] ?? e);
const SKINS: Record<string, string> = { kakaotalk: "kakao", instagram: "insta" };

const seoul = (iso: string) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Seoul",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
};

/** The day and minute of the day a stored time stands for, or null when it names none. */
function moment(value: string, projectDay: string): { date: string; minutes: number } | null {
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return seoul(value);
  const clock = /(오전|오후|AM|PM)\s*(\d{1,2}):(\d{2})$/i.exec(value);
  if (!clock) return null;
  const afternoon = /오후|PM/i.test(clock[1] ?? "");
  const hour = (Number(clock[2]) % 12) + (afternoon ? 12 : 0);
  return { date: /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? projectDay, minutes: hour * 60 + Number(clock[3]) };
}

function expectSameMessage(ours: Message, spa: SpaMessage, projectDay: string) {
  expect(ours.id).toBe(spa.id);
  if (spa.type === "dateDivider") {
    expect(ours).toEqual({ id: spa.id, type: "dateDivider", text: shownText(spa.text) });
    return;
  }
  if ("type" in ours) throw new Error(`message ${spa.id} came back as a divider`);
  const role = spa.role ?? spa.sender ?? "other";
  expect(ours.role).toBe(role);
  expect(ours.authorId).toBe(spa.authorId ?? spa.sender);
  expect(ours.text).toBe(shownText(spa.text));
  const spaTime = spa.datetime || spa.time || "";
  const expected = moment(spaTime, projectDay);
  if (expected) {
    expect(ours.datetime).toMatch(/^\d{4}-\d{2}-\d{2} (오전|오후) \d{1,2}:\d{2}$/);
    expect(moment(ours.datetime, "")).toEqual(expected);
  } else {
    expect(ours.datetime).toBe(spaTime);
  }
}

beforeEach(async () => {
  await Promise.all([clearFirestore(), clearAuth()]);
});
afterAll(closeClients);

describe.each(["editor", "ai-generator", "excel"])("the SPA's own %s projects", (name) => {
  const fixture = load(name);
  const projects = fixture.localStorage.talkstudio_projects;

  it(`import whole (SPA ${fixture.spaCommit.slice(0, 7)}), read back as the SPA showed them, list in its order`, async () => {
    const ts = await signedIn();
    const storage = new Map([["talkstudio_projects", JSON.stringify(projects)]]);
    const result = await migrateLocalStorage(ts, storageOf(storage));
    expect(result.skipped).toEqual([]);
    expect(result.failed).toEqual([]);
    expect(result.imported).toHaveLength(projects.length);

    const ids = await Promise.all(projects.map((p) => importedConversationId("talkstudio_projects", p.id)));
    expect(ids).toEqual(projects.map((p) => p.id)); // one id everywhere
    for (const [index, project] of projects.entries()) {
      const stored = await getConversation(ts, ids[index] ?? "");
      const created = createdOf(project);
      const projectDay = seoul(created).date;
      expect(stored.title).toBe(shownText(project.title));
      expect(stored.conversation.title).toBe(shownText(project.conversation.title));
      expect(stored.conversation.platformSkin).toBe(
        SKINS[project.conversation.platformSkin] ?? project.conversation.platformSkin,
      );
      expect(stored.theme).toEqual(project.theme);
      expect(stored.conversation.authors.map((a) => [a.id, a.name])).toEqual(
        project.conversation.authors.map((a) => [a.id, shownText(a.name)]),
      );
      expect(stored.conversation.messages).toHaveLength(project.conversation.messages.length);
      stored.conversation.messages.forEach((m, i) =>
        expectSameMessage(m, project.conversation.messages[i] as SpaMessage, projectDay),
      );
      expect(stored.projectCreatedAt.toISOString()).toBe(created);
      expect(stored.projectUpdatedAt.toISOString()).toBe(project.updatedAt);
    }

    // The default order is the SPA's. Two projects made in one millisecond (the generator's steady
    // clock: a re-saved project's id and another's createdAt) tie, and the list breaks ties by id.
    const spaOrder = projects
      .map((p) => ({ id: p.id, created: Date.parse(createdOf(p)) }))
      .sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
    const listed = await listConversations(ts, { pageSize: 100 });
    expect(listed.items.map((c) => c.id)).toEqual(spaOrder.map((p) => p.id));

    const again = await importProjects(ts, projects);
    expect(again.imported).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual(projects.map(() => "already-imported"));
  });
});
