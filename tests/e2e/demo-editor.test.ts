// The demo editor (hosting/demo, React on @talkstudio/client/react with `offline: true`) in
// Chromium with its real IndexedDB, served by the Hosting emulator: offline edits across a closed
// tab, two tabs, two devices, the conflict dialog, and the memory fallback. One Chromium for the
// file; screenshots go to reports/demo-editor/ (gitignored).
import { mkdirSync, readFileSync } from "node:fs";
import { createUserWithEmailAndPassword } from "firebase/auth";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createConversation,
  getConversation,
  listConversations,
  saveConversation,
  toConversationData,
  type ConversationData,
  type TalkStudio,
  type TextMessage,
} from "../../client/src/index.js";
import { DEMO_USER } from "../../dev/demo-projects.js";
import { chromiumMissing, launchChromium } from "../support/browser.js";
import { clearAuth, clearFirestore, closeClients, emulatorHosts, newClient } from "../support/emulators.js";
import { eventually } from "../support/eventually.js";

const HOSTING = `http://${emulatorHosts.hosting}`;
const SHOTS = "reports/demo-editor";
const skipped = chromiumMissing ? ` (skipped: ${chromiumMissing})` : "";
// A project the SPA's editor made: 13 messages, a date divider, an escaped title.
const PROJECT = (
  JSON.parse(readFileSync("tests/fixtures/spa/editor.json", "utf8")) as {
    localStorage: { talkstudio_projects: { id: string; title: string }[] };
  }
).localStorage.talkstudio_projects[2]!;
const [FIRST, SECOND] = ["msg-1741921639899", "msg-1741921647745"];
const PROJECT_MESSAGES = toConversationData(PROJECT).conversation.messages;
const DEBOUNCE_MS = 1000;

/** Polls for a browser-side state; a shared 2-core machine is slow, so longer than vitest's 1 s. */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

const textIn = (data: ConversationData, id: string) =>
  (data.conversation.messages.find((m) => m.id === id) as TextMessage).text;

describe.skipIf(chromiumMissing !== undefined)(`the demo editor in Chromium${skipped}`, () => {
  let browser: Browser;
  let device: TalkStudio;
  const contexts: BrowserContext[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await closeClients();
  });
  beforeEach(async () => {
    await Promise.all([clearFirestore(), clearAuth()]);
    // "Another device": the demo user in Node, holding the project the SPA's code made.
    device = newClient();
    await createUserWithEmailAndPassword(device.auth, DEMO_USER.email, DEMO_USER.password);
    await createConversation(device, toConversationData(PROJECT), { id: PROJECT.id });
    problems = [];
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    // No error status and no uncaught error in any tab, own saves included.
    expect(problems).toEqual([]);
  });

  async function newContext(init?: () => void): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 720, height: 900 } });
    context.setDefaultTimeout(15_000);
    if (init) await context.addInitScript(init);
    contexts.push(context);
    return context;
  }

  /** A tab of the demo with the project open (`hash`); signs in as the demo user unless it is already. */
  async function openTab(context: BrowserContext, hash = PROJECT.id, settled = true): Promise<Page> {
    const page = await context.newPage();
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.text() === "talkstudio sync: error") problems.push(message.text());
    });
    await page.goto(`${HOSTING}/#${hash}`);
    await page.locator("#demo-sign-in, .ts-account-button").first().waitFor();
    if (await page.locator("#demo-sign-in").count()) await page.click("#demo-sign-in");
    if (hash && settled) await page.locator("#sync[data-state=saved]").waitFor();
    return page;
  }

  const box = (page: Page, id: string) => page.locator(`[data-message="${id}"] textarea`);
  const state = (page: Page) => page.locator("#sync").getAttribute("data-state");
  const cloudText = async (id: string) => textIn(await getConversation(device, PROJECT.id), id);

  it("keeps an offline edit through a closed tab and sends it once a tab is open online", async () => {
    const context = await newContext();
    const page = await openTab(context);
    expect(await page.textContent("#cache")).toContain("이 브라우저에 보관");
    expect(await page.inputValue("#title")).toBe("민지 & 'Tom' <3 / 동창회");
    await context.setOffline(true);
    await page.locator("#offline-badge").waitFor();
    await box(page, FIRST).fill("오프라인에서 고친 글");
    await poll(() => state(page)).toBe("offline");
    // Past the debounce the save is queued in IndexedDB; then the tab is closed, still offline.
    await page.waitForTimeout(DEBOUNCE_MS + 500);
    await page.screenshot({ path: `${SHOTS}/offline.png`, fullPage: true });
    await page.close();
    expect(await cloudText(FIRST)).not.toBe("오프라인에서 고친 글");

    await context.setOffline(false);
    // A tab of the site with no project open: the SDK sends the save it kept in IndexedDB.
    const again = await openTab(context, "");
    await eventually(async () => ((await cloudText(FIRST)) === "오프라인에서 고친 글" ? true : undefined));
    await again.click(`#conversations a[href="#${PROJECT.id}"]`);
    await poll(() => box(again, FIRST).inputValue()).toBe("오프라인에서 고친 글");
    await poll(() => state(again)).toBe("saved");
  });

  it("turns a queued save refused after the reload into the conflict dialog with both texts", async () => {
    const context = await newContext();
    const page = await openTab(context);
    await context.setOffline(true);
    await box(page, FIRST).fill("내가 오프라인에서 쓴 글");
    await page.waitForTimeout(DEBOUNCE_MS + 500);
    await page.close();
    // Meanwhile another device saves the same message: the queued save will be refused.
    const { revision, title, conversation, theme, statusBar } = await getConversation(device, PROJECT.id);
    const theirs = structuredClone({ title, conversation, theme, statusBar });
    (theirs.conversation.messages.find((m) => m.id === FIRST) as TextMessage).text = "다른 기기의 글";
    await saveConversation(device, PROJECT.id, theirs, revision);

    await context.setOffline(false);
    const again = await openTab(context, PROJECT.id, false);
    await again.locator(".ts-conflict-dialog").waitFor();
    const dialog = (await again.textContent(".ts-conflict-dialog"))!;
    expect(dialog).toContain("내가 오프라인에서 쓴 글");
    expect(dialog).toContain("다른 기기의 글");
    // What a person reads: which message (its place, speaker and a snippet), no ids, uids or JSON.
    const position = PROJECT_MESSAGES.findIndex((m) => m.id === FIRST) + 1;
    expect(dialog).toContain(`${position}번째 메시지 · `);
    expect(dialog).not.toContain(FIRST);
    expect(dialog).not.toContain(device.auth.currentUser!.uid);
    expect(dialog).not.toMatch(/[{}]/);
    await again.screenshot({ path: `${SHOTS}/conflict-after-reload.png`, fullPage: true });
    await again.click(".ts-keep-mine");
    await eventually(async () => ((await cloudText(FIRST)) === "내가 오프라인에서 쓴 글" ? true : undefined));
    await poll(() => state(again)).toBe("saved");
  });

  it("keeps both tabs' edits of different messages made within one debounce window", async () => {
    const context = await newContext();
    const [one, two] = [await openTab(context), await openTab(context)];
    await box(one, FIRST).fill("첫 탭의 글");
    await box(two, SECOND).fill("둘째 탭의 글");
    await eventually(async () =>
      (await cloudText(FIRST)) === "첫 탭의 글" && (await cloudText(SECOND)) === "둘째 탭의 글"
        ? true
        : undefined,
    );
    for (const page of [one, two]) {
      await poll(() => box(page, FIRST).inputValue()).toBe("첫 탭의 글");
      await poll(() => box(page, SECOND).inputValue()).toBe("둘째 탭의 글");
      await poll(() => state(page)).toBe("saved");
      expect(await page.locator(".ts-conflict-dialog").count()).toBe(0);
    }
  });

  it("shows the conflict dialog with both texts when two tabs edit the same message", async () => {
    const context = await newContext();
    const [one, two] = [await openTab(context), await openTab(context)];
    await box(one, FIRST).fill("첫 탭이 쓴 글");
    await box(two, FIRST).fill("둘째 탭이 쓴 글");
    const conflicted = await eventually(async () => {
      for (const page of [one, two]) if (await page.locator(".ts-conflict-dialog").count()) return page;
      return undefined;
    }, 15_000);
    const dialog = await conflicted.textContent(".ts-conflict-dialog");
    expect(dialog).toContain("첫 탭이 쓴 글");
    expect(dialog).toContain("둘째 탭이 쓴 글");
    await conflicted.screenshot({ path: `${SHOTS}/conflict-two-tabs.png`, fullPage: true });
    const mine = await box(conflicted, FIRST).inputValue();
    await conflicted.click(".ts-keep-mine");
    await eventually(async () => ((await cloudText(FIRST)) === mine ? true : undefined));
    for (const page of [one, two]) await poll(() => box(page, FIRST).inputValue()).toBe(mine);
  });

  it("shows a second device's new project in the list within 5 s", async () => {
    const page = await openTab(await newContext());
    await poll(() => page.locator("#conversations li[data-id]").count()).toBe(1);
    const other = await openTab(await newContext(), "");
    await other.click("#new-project");
    // Created once the second device has it open.
    await other.locator("#sync[data-state=saved]").waitFor();
    const created = Date.now();
    await expect.poll(() => page.locator("#conversations li[data-id]").count(), { timeout: 5_000 }).toBe(2);
    expect(Date.now() - created).toBeLessThan(5_000);
    expect((await listConversations(device)).items).toHaveLength(2);
    await page.screenshot({ path: `${SHOTS}/list.png`, fullPage: true });
  });

  it("falls back to memory where IndexedDB fails, says so, and still saves", async () => {
    const context = await newContext(() => {
      // What a private window or Safari's fault looks like to the page: IndexedDB refuses to open.
      IDBFactory.prototype.open = () => {
        throw new DOMException("IndexedDB is not available", "InvalidStateError");
      };
    });
    const page = await openTab(context);
    await poll(() => page.locator("#cache").getAttribute("data-mode")).toBe("memory");
    expect(await page.textContent("#cache")).toContain("indexeddb-failed");
    await box(page, FIRST).fill("메모리 캐시에서도 저장");
    await eventually(async () => ((await cloudText(FIRST)) === "메모리 캐시에서도 저장" ? true : undefined));
    await page.screenshot({ path: `${SHOTS}/memory-cache.png`, fullPage: true });
  });
});
