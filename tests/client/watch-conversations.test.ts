import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  createConversation,
  deleteConversation,
  saveConversation,
  watchConversations,
  type ConversationSummary,
  type ListOptions,
  type TalkStudio,
  type TalkStudioError,
} from "../../client/src/index.js";
import { conversationData } from "../support/conversation-data.js";
import { clearAuth, clearFirestore, closeClients } from "../support/emulators.js";
import { eventually } from "../support/eventually.js";
import { twoTabs } from "../support/tabs.js";

beforeEach(async () => {
  await Promise.all([clearFirestore(), clearAuth()]);
});
afterAll(closeClients);

/** Watches `tab`'s list and keeps the newest page and every error. */
function watched(ts: TalkStudio, options: ListOptions) {
  const seen: { page: ConversationSummary[] | null; errors: TalkStudioError[] } = { page: null, errors: [] };
  const stop = watchConversations(
    ts,
    options,
    (page) => (seen.page = page),
    (error) => seen.errors.push(error),
  );
  const titles = () => seen.page?.map((s) => s.title);
  const until = (check: (titles: string[]) => boolean) =>
    eventually(() => Promise.resolve(seen.page && check(titles()!) ? titles() : undefined), 5_000);
  return { seen, stop, titles, until };
}

describe("watchConversations", () => {
  it("follows another device's new, renamed and deleted conversations within 5 s", async () => {
    const [tabA, tabB] = await twoTabs();
    const list = watched(tabA, {});
    await list.until((titles) => titles.length === 0);

    const { id } = await createConversation(tabB, conversationData(3, "다른 기기의 새 대화"));
    await list.until((titles) => titles.includes("다른 기기의 새 대화"));

    await saveConversation(tabB, id, conversationData(3, "이름 바꿈"), 1);
    await list.until((titles) => titles.join() === "이름 바꿈");

    await deleteConversation(tabB, id);
    await list.until((titles) => titles.length === 0);
    expect(list.seen.errors).toEqual([]);
    list.stop();
  });

  it("keeps the list's order and page size, and its own pending create is no error", async () => {
    const [tabA] = await twoTabs();
    for (const title of ["첫째", "둘째", "셋째"]) await createConversation(tabA, conversationData(1, title));
    const list = watched(tabA, { pageSize: 2 });
    await list.until((titles) => titles.join() === "셋째,둘째");
    // This tab's own create shows at once, with an estimated time, before the server answers.
    const created = createConversation(tabA, conversationData(1, "넷째"));
    await list.until((titles) => titles.join() === "넷째,셋째");
    await created;
    expect(list.seen.errors).toEqual([]);
    list.stop();
  });

  it("reports a bad page size through onError", async () => {
    const [tabA] = await twoTabs();
    const list = watched(tabA, { pageSize: 0 });
    expect(list.seen.errors.map((e) => e.kind)).toEqual(["invalid"]);
    list.stop();
  });
});
