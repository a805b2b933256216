// Two people editing one conversation on the demo page (hosting/demo) in Chromium, each in their
// own browser context signed in through the Auth emulator: an invite link, typing at the same time
// into different messages, a title edit while the other adds messages, presence, a viewer, and a
// removal. Screenshots go to reports/demo-collaboration/ (gitignored).
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { firestorePaths, type ConversationData } from "../../client/src/index.js";
import { adminDb } from "../support/admin.js";
import { chromiumMissing, launchChromium } from "../support/browser.js";
import { clearAuth, clearFirestore, emulatorHosts } from "../support/emulators.js";

const HOSTING = `http://${emulatorHosts.hosting}`;
const SHOTS = "reports/demo-collaboration";
const skipped = chromiumMissing ? ` (skipped: ${chromiumMissing})` : "";
/** A person typing: a key every 40 ms. */
const TYPING = { delay: 40 };

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

describe.skipIf(chromiumMissing !== undefined)(`two people on the demo page in Chromium${skipped}`, () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** Uncaught errors and conflict prompts, by page. */
  let problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(() => browser?.close());
  beforeEach(async () => {
    await Promise.all([clearFirestore(), clearAuth()]);
    problems = [];
  });
  afterEach(async (test) => {
    if (test.task.result?.state === "fail")
      for (const [i, page] of contexts.flatMap((c) => c.pages()).entries())
        await page.screenshot({ path: `${SHOTS}/failed-${i}.png`, fullPage: true }).catch(() => undefined);
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    expect(problems).toEqual([]);
  });

  /** A new person in their own browser context at `url`, signed in as someone new named `name`. */
  async function person(name: string, url = `${HOSTING}/`): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 720, height: 1100 } });
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    const page = await context.newPage();
    page.on("pageerror", (error) => problems.push(`${name} pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.text() === "talkstudio sync: conflict") problems.push(`${name}: ${message.text()}`);
    });
    await page.goto(url);
    await page.fill("#guest-name", name);
    await page.click("#guest-sign-in");
    await page.locator(".ts-account-button").waitFor();
    return page;
  }

  /** Opens the members dialog, reads what `read` wants, and closes it (Escape). */
  async function inMembersDialog<T>(page: Page, read: (dialog: Locator) => Promise<T>): Promise<T> {
    await page.click("#open-invites");
    const dialog = page.locator(".ts-invite-dialog");
    // The first callable of the file may wait for the Functions emulator's worker to start.
    await dialog.locator(".ts-member[data-role=owner]").waitFor({ timeout: 60_000 });
    const result = await read(dialog);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    return result;
  }

  /** The names the members dialog lists for `role`. */
  const membersAs = (page: Page, role: string) =>
    inMembersDialog(page, async (dialog) =>
      (await dialog.locator(`.ts-member[data-role=${role}]`).allTextContents()).join(),
    );

  const boxes = (page: Page) => page.locator("#messages textarea");
  const saved = (page: Page) => page.locator("#sync[data-state=saved]").waitFor();

  /** A's new conversation and B in it as `role` through the invite link, both with it open. */
  async function inviteSomeone(a: Page, name: string, role: "editor" | "viewer") {
    const url = await inMembersDialog(a, async (dialog) => {
      await dialog.locator(".ts-invite-role").selectOption(role);
      await dialog.locator(".ts-invite-create-button").click();
      const link = dialog.locator(".ts-copy-field input");
      await poll(() => link.inputValue()).toMatch(/invite=/);
      return link.inputValue();
    });
    expect(url).toMatch(new RegExp(`^${HOSTING}/\\?invite=[\\w-]{22}$`));
    const b = await person(name, url);
    // The invite says what it is and who sent it, and joins only when asked.
    const asked = b.locator(".ts-invite-accept-dialog");
    await poll(() => asked.locator(".ts-invite-summary").textContent()).toContain("Alice");
    await b.screenshot({ path: `${SHOTS}/invite-${role}.png`, fullPage: true });
    await asked.locator(".ts-join").click();
    await b.locator(`#editor[data-role=${role}]`).waitFor();
    await saved(b);
    return b;
  }

  async function newConversation(a: Page) {
    await a.click("#new-project");
    await saved(a);
    const id = (await a.locator("#editor").getAttribute("data-id"))!;
    const ownerUid = (await a.locator("#who").getAttribute("data-uid"))!;
    return { id, ownerUid };
  }

  /** Types `text` at the end of `field`, key by key. */
  async function typeAtEnd(page: Page, field: ReturnType<Page["locator"]>, text: string) {
    await field.click();
    await page.keyboard.press("End");
    await page.keyboard.press("Control+End");
    await page.keyboard.type(text, TYPING);
  }

  /** The conversation as stored (read as the admin). */
  const stored = async (ownerUid: string, id: string) =>
    (
      await adminDb()
        .doc(`${firestorePaths.conversation(ownerUid, id)}/content/current`)
        .get()
    ).data() as ConversationData;

  it("keeps every keystroke of two people typing at once, shows presence, and ends a removed member's access", async () => {
    const alice = await person("Alice");
    const { id, ownerUid } = await newConversation(alice);
    const bob = await inviteSomeone(alice, "Bob", "editor");
    // The shared conversation is in Bob's list next to his own, with his role.
    await bob.locator(`#shared li[data-id="${id}"][data-role=editor]`).waitFor();
    // Presence both ways.
    await poll(() => bob.textContent("#presence")).toContain("Alice");
    await poll(() => alice.textContent("#presence")).toContain("Bob");
    // Bob's page going into the back/forward cache leaves. The SDK shuts its cache down on
    // pagehide, so coming back from it loads the page afresh: Bob is back, the conversation open.
    const transition = (type: "pagehide" | "pageshow") =>
      bob.evaluate((t) => dispatchEvent(new PageTransitionEvent(t, { persisted: true })), type);
    await transition("pagehide");
    await poll(() => alice.textContent("#presence")).not.toContain("Bob");
    await Promise.all([bob.waitForEvent("load"), transition("pageshow")]);
    await bob.locator(`#editor[data-role=editor]`).waitFor();
    await saved(bob);
    await poll(() => alice.textContent("#presence")).toContain("Bob");
    // The owner sees the new member by name.
    await poll(() => membersAs(alice, "editor")).toContain("Bob");
    await poll(() => membersAs(bob, "owner")).toContain("Alice");

    // Both type into different messages at the same time.
    const [first, second] = [await boxes(alice).nth(0).inputValue(), await boxes(alice).nth(1).inputValue()];
    const [aliceTyped, bobTyped] = [" 앨리스가 쓴 글 alice 123", " 밥이 쓴 글 bob 456"];
    await Promise.all([
      typeAtEnd(alice, boxes(alice).nth(0), aliceTyped),
      typeAtEnd(bob, boxes(bob).nth(1), bobTyped),
    ]);
    // Alice edits the title while Bob adds two messages and types into them.
    const count = await boxes(bob).count();
    const titleBefore = await alice.inputValue("#title");
    const title = " (같이 고침 together)";
    const added = ["밥의 새 메시지 하나", "밥의 새 메시지 둘"];
    await Promise.all([
      typeAtEnd(alice, alice.locator("#title"), title),
      (async () => {
        for (const [i, text] of added.entries()) {
          await bob.click("#add-message");
          await typeAtEnd(bob, boxes(bob).nth(count + i), text);
        }
      })(),
    ]);

    const expected = {
      title: titleBefore + title,
      texts: [first + aliceTyped, second + bobTyped, ...added],
    };
    for (const page of [alice, bob]) {
      await poll(() => page.inputValue("#title")).toBe(expected.title);
      await poll(() => boxes(page).nth(0).inputValue()).toBe(expected.texts[0]);
      await poll(() => boxes(page).nth(1).inputValue()).toBe(expected.texts[1]);
      await poll(() => boxes(page).count()).toBe(count + 2);
      for (const [i, text] of added.entries())
        await poll(() =>
          boxes(page)
            .nth(count + i)
            .inputValue(),
        ).toBe(text);
      await saved(page);
      expect(await page.locator(".ts-conflict-dialog").count()).toBe(0);
      // Nothing the page said went wrong (a refused call shows there).
      expect(await page.textContent("#status")).toBe("");
    }
    const cloud = await stored(ownerUid, id);
    const texts = cloud.conversation.messages.flatMap((m) => ("role" in m ? [m.text] : []));
    expect(cloud.title).toBe(expected.title);
    expect(texts.slice(0, 2)).toEqual(expected.texts.slice(0, 2));
    expect(texts.slice(-2)).toEqual(added);
    await alice.screenshot({ path: `${SHOTS}/alice.png`, fullPage: true });
    await bob.screenshot({ path: `${SHOTS}/bob.png`, fullPage: true });

    // A viewer follows along but cannot edit.
    const carol = await inviteSomeone(alice, "Carol", "viewer");
    await carol.locator("#view-only").waitFor();
    await poll(() => boxes(carol).nth(0).inputValue()).toBe(expected.texts[0]);
    for (const field of [carol.locator("#title"), boxes(carol).nth(0), carol.locator("#add-message")])
      expect(await field.isDisabled()).toBe(true);
    expect(await carol.locator(".ts-history-save, .ts-version-restore").count()).toBe(0);
    await carol.screenshot({ path: `${SHOTS}/carol-viewer.png`, fullPage: true });

    // Alice takes Bob out: his page says so, his inputs lock, the conversation leaves his shared
    // list; no uncaught error.
    await alice.click("#open-invites");
    const editor = alice.locator(".ts-invite-dialog .ts-member[data-role=editor]");
    await editor.locator(".ts-member-remove").click();
    await editor.locator(".ts-confirm .ts-danger").click();
    await bob.locator("#no-access").waitFor();
    expect(await bob.locator("#title").isDisabled()).toBe(true);
    await poll(() => bob.locator(`#shared li[data-id="${id}"]`).count()).toBe(0);
    await poll(() => editor.count()).toBe(0);
    await bob.screenshot({ path: `${SHOTS}/bob-removed.png`, fullPage: true });
  }, 120_000);

  it("lists versions and restores one; open editors receive it", async () => {
    const alice = await person("Alice");
    await newConversation(alice);
    const bob = await inviteSomeone(alice, "Bob", "editor");
    const original = await alice.inputValue("#title");
    await alice.fill(".ts-history-save input", "저장한 판");
    await alice.click(".ts-history-save button");
    await alice.locator(".ts-version").first().waitFor();
    await typeAtEnd(bob, bob.locator("#title"), " 바뀐 제목");
    await poll(() => alice.inputValue("#title")).toBe(`${original} 바뀐 제목`);
    await saved(bob);
    await bob.click(".ts-history-refresh");
    const named = bob.locator(".ts-version").filter({ hasText: "저장한 판" }).first();
    await named.locator(".ts-version-preview").click();
    await poll(() => named.locator(".ts-version-preview-box").textContent()).toContain(original);
    await named.locator(".ts-version-restore").click();
    await named.locator(".ts-version-restore-confirm").click();
    for (const page of [alice, bob]) await poll(() => page.inputValue("#title")).toBe(original);
    await poll(() => bob.locator(".ts-version").count()).toBeGreaterThan(1);
    await bob.screenshot({ path: `${SHOTS}/versions.png`, fullPage: true });
  }, 60_000);
});
