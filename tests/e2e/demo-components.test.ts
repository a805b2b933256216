// The demo page's ready-made components (@talkstudio/client/react-ui) in Chromium: the account menu
// in and out by keyboard, the cloud badge, the share dialog (a password link opened in another
// browser, then revoked) and the migration report of a project the migration refuses.
// Screenshots go to reports/demo-components/ (gitignored): look at them.
import { mkdirSync, readFileSync } from "node:fs";
import { createUserWithEmailAndPassword } from "firebase/auth";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listShares, type TalkStudio } from "../../client/src/index.js";
import { DEMO_USER } from "../../dev/demo-projects.js";
import { chromiumMissing, launchChromium } from "../support/browser.js";
import { clearAuth, clearFirestore, closeClients, emulatorHosts, newClient } from "../support/emulators.js";

const HOSTING = `http://${emulatorHosts.hosting}`;
const SHOTS = "reports/demo-components";
const skipped = chromiumMissing ? ` (skipped: ${chromiumMissing})` : "";
interface SpaProjectJson {
  id: string;
  title: string;
  conversation: { messages: { text: string }[] };
}
const PROJECTS = (
  JSON.parse(readFileSync("tests/fixtures/spa/editor.json", "utf8")) as {
    localStorage: { talkstudio_projects: SpaProjectJson[] };
  }
).localStorage.talkstudio_projects;

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });

describe.skipIf(chromiumMissing !== undefined)(`the demo's components in Chromium${skipped}`, () => {
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
    device = newClient();
    await createUserWithEmailAndPassword(device.auth, DEMO_USER.email, DEMO_USER.password);
    problems = [];
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    expect(problems).toEqual([]);
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 720, height: 900 } });
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    const page = await context.newPage();
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    return page;
  }

  const focusedClass = (page: Page) => page.evaluate(() => document.activeElement?.className ?? "");
  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

  it("moves LocalStorage projects and says which one it refused and why; signs out from the menu", async () => {
    const page = await newPage();
    await page.goto(`${HOSTING}/`);
    await page.locator("#demo-sign-in").waitFor();
    await page.screenshot({ path: `${SHOTS}/signed-out.png`, fullPage: true });
    await page.click("#demo-sign-in");
    await page.locator(".ts-account-button").waitFor();

    // Two projects the SPA's code made; the second with one message over the 1,000-character limit.
    const [good, long] = [structuredClone(PROJECTS[0]!), structuredClone(PROJECTS[2]!)];
    long.title = "아주 긴 대화";
    long.conversation.messages[2]!.text = "가".repeat(1200);
    await page.evaluate(
      (projects) => localStorage.setItem("talkstudio_projects", JSON.stringify(projects)),
      [good, long],
    );
    await page.locator("#migrate").focus();
    await page.keyboard.press("Enter");
    const report = page.locator(".ts-migration-report");
    await report.waitFor();
    const text = (await report.textContent())!;
    expect(text).toContain("1개를 옮겼어요");
    expect(text).toContain("아주 긴 대화");
    expect(text).toContain("3번째 메시지 · 글: 1,000자까지 쓸 수 있어요");
    expect(text).not.toContain("conversation.messages");
    await page.screenshot({ path: `${SHOTS}/migration-report.png`, fullPage: true });
    // Escape closes the dialog and gives the focus back to the button that opened it.
    await page.keyboard.press("Escape");
    await report.waitFor({ state: "detached" });
    expect(await focusedId(page)).toBe("migrate");

    // The moved project opens with the cloud badge saying it is saved.
    await page.click(`#conversations a[href="#${good.id}"]`);
    await poll(() => page.locator("#sync .ts-status-badge").getAttribute("data-state")).toBe("saved");
    expect(await page.textContent("#sync")).toContain("클라우드에 저장됨");

    // The account menu by keyboard: open, it says who is signed in, sign out.
    await page.locator(".ts-account-button").focus();
    await page.keyboard.press("Enter");
    const menu = page.locator(".ts-menu");
    await poll(() => menu.textContent()).toContain("로그인했어요");
    expect(await focusedClass(page)).toContain("ts-menu-item");
    await page.screenshot({ path: `${SHOTS}/account-menu.png`, fullPage: true });
    await page.keyboard.press("Enter");
    await page.locator("#demo-sign-in").waitFor();
  }, 90_000);

  it("shares with a password from the share dialog, opens the link elsewhere, and revokes it", async () => {
    const page = await newPage();
    await page.goto(`${HOSTING}/`);
    await page.click("#demo-sign-in");
    await page.click("#new-project");
    await page.locator("#sync[data-state=saved]").waitFor();
    const id = (await page.locator("#editor").getAttribute("data-id"))!;

    await page.click(`#conversations li[data-id="${id}"] button.share`);
    const dialog = page.locator(".ts-share-dialog");
    await dialog.waitFor();
    // Focus starts in the dialog's body and Shift+Tab from there wraps to its last control.
    expect(await focusedClass(page)).toContain("ts-input");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement?.closest(".ts-share-dialog") !== null)).toBe(
      true,
    );
    await dialog.locator(".ts-share-password").fill("초록-고래-42-바다");
    await dialog.getByLabel("내려받기와 내 계정에 복사 허용").first().uncheck();
    await dialog.locator(".ts-share-create-button").click();
    const created = dialog.locator(".ts-share-created input");
    await poll(() => created.inputValue()).toMatch(/^http.*\/s\//);
    const url = await created.inputValue();
    const [share] = (await listShares(device, { conversationId: id })).items;
    expect(share).toMatchObject({ url, passwordProtected: true, allowDownload: false });
    const row = dialog.locator(`.ts-share[data-code="${share!.code}"]`);
    await poll(() => row.textContent()).toContain("조회 0회");
    expect(await row.textContent()).toContain("비밀번호");
    await page.screenshot({ path: `${SHOTS}/share-dialog.png`, fullPage: true });

    // Someone else opens the link: it asks for the password, then shows the conversation.
    const viewer = await newPage();
    await viewer.goto(url);
    await viewer.fill("#password", "초록-고래-42-바다");
    await viewer.click("button[type=submit]");
    await poll(() => viewer.locator(".msg").count()).toBeGreaterThan(0);

    await row.getByRole("button", { name: "링크 끊기" }).click();
    await poll(() => row.getAttribute("data-live")).toBe("false");
    expect(await row.textContent()).toContain("끊은 링크");
    expect((await listShares(device, { conversationId: id })).items[0]?.revokedAt).not.toBeNull();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
  }, 90_000);
});
