// The share page and the demo page in Chromium (Debian's, through playwright-core), served by the
// Hosting emulator. Screenshots of each skin go to reports/share-page/ (gitignored).
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { firestorePaths, type ConversationData, type PlatformSkin } from "../../client/src/index.js";
import { revokeShare } from "../../functions/src/shares/manage.js";
import { DEMO_USER } from "../../dev/demo-projects.js";
import { adminAuth, adminDb } from "../support/admin.js";
import { chromiumMissing, launchChromium } from "../support/browser.js";
import { conversationData } from "../support/conversation-data.js";
import { runDemoSeed } from "../support/demo-seed.js";
import { clearAuth, clearFirestore } from "../support/emulators.js";
import { HOSTING, shareDeps, shareOf } from "../support/shares.js";

const SHOTS = "reports/share-page";
const skipped = chromiumMissing ? ` (skipped: ${chromiumMissing})` : "";

function lookOf(skin: PlatformSkin, shorts: boolean): ConversationData {
  const data = conversationData(9, `${skin}${shorts ? "-shorts" : ""} 공유`);
  data.conversation.platformSkin = skin;
  data.conversation.unreadCount = 12;
  data.conversation.messages.push({
    id: "emoji",
    role: "me",
    authorId: "me",
    text: "좋아 😀👍🏽 ㅋㅋ\n줄바꿈도",
    datetime: "2024-03-05 오후 7:41",
  });
  data.conversation.messages.push({
    id: "sys",
    role: "system",
    authorId: "",
    text: "민지님이 나갔습니다.",
    datetime: "",
  });
  // A theme id only: the page falls back to the skin's preset values, shorts sizes scaled down.
  data.theme = shorts
    ? { id: `${skin}-shorts`, name: skin, fontSize: 39, avatarSize: 111 }
    : { id: skin, name: skin };
  return data;
}

const PLACEHOLDERS: Record<PlatformSkin, string> = {
  kakao: "메시지 입력",
  discord: "Message @민지",
  telegram: "Message",
  insta: "Message...",
};

describe.skipIf(chromiumMissing !== undefined)(`the share page in Chromium${skipped}`, () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    await Promise.all([clearFirestore(), clearAuth()]);
    page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  });

  it.each(
    (["kakao", "discord", "telegram", "insta"] as const).flatMap((skin) => [
      [skin, false],
      [skin, true],
    ]),
  )("draws %s (shorts: %s) on a 360-px phone, and saves a screenshot", async (skin, shorts) => {
    const code = await shareOf(lookOf(skin, shorts));
    const response = await page.goto(`${HOSTING}/s/${code}`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.locator(".msg").count()).toBeGreaterThan(5);
    expect(await page.locator(`.phone.skin-${skin}`).count()).toBe(1);
    expect(await page.textContent("h1")).toBe("민지");
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    if (skin === "discord") expect(await page.textContent(".badge")).toBe("12");
    // The SPA preview's chrome: drawn icons in the header and the input bar, the placeholder.
    const box = (selector: string) => page.locator(selector).first().boundingBox();
    for (const icon of [".room .back .icon", ".room .tools .icon", ".inputbar .icon"]) {
      expect((await box(icon))?.width).toBeGreaterThanOrEqual(16);
    }
    expect(await page.textContent(".inputbar .placeholder")).toBe(PLACEHOLDERS[skin]);
    if (skin === "kakao") {
      // The read count over the time, not beside it.
      const [read, time] = [await box(".msg.me.last .read"), await box(".msg.me.last time")];
      expect(read!.y + read!.height).toBeLessThanOrEqual(time!.y + 1);
      expect(Math.abs(read!.x + read!.width - (time!.x + time!.width))).toBeLessThan(1);
    }
    if (skin === "telegram") {
      expect(await page.textContent(".room .back-label")).toBe("Back");
      expect((await box(".room .who .avatar"))!.x).toBeLessThan((await box(".room h1"))!.x);
    }
    // Pretendard from Hosting, not the viewer's fonts (this machine has no Korean one).
    await page.evaluate(() => document.fonts.ready);
    const loaded = await page.evaluate(() =>
      Array.from(document.fonts).filter((f) => f.family.includes("Pretendard") && f.status === "loaded"),
    );
    expect(loaded.length).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/${skin}${shorts ? "-shorts" : ""}.png`, fullPage: true });
  });

  it("runs nothing that came from the conversation", async () => {
    const data = conversationData(2, `<script>window.pwned = "title"</script>`);
    data.conversation.authors[1] = {
      id: "other",
      name: `<img src=x onerror="window.pwned='name'">`,
      avatarUrl: `https://x.test/"onerror="window.pwned='avatar'`,
    };
    data.conversation.messages.push({
      id: "x",
      role: "other",
      authorId: "other",
      text: `<svg onload="window.pwned='text'"></svg><a href="javascript:window.pwned='link'">x</a>`,
      datetime: "",
    });
    data.theme = {
      id: "kakao",
      name: "k",
      backgroundValue: "url(javascript:window.pwned='css')",
      headerBg: "red;}</style><script>window.pwned='style'</script>",
    };
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${HOSTING}/s/${await shareOf(data)}`);
    await page.waitForLoadState("load");
    expect(await page.evaluate(() => (window as { pwned?: string }).pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    // The phone's own icons are the only <svg>.
    expect(
      await page
        .locator("svg:not(.icon), svg.icon *:not(path, circle, rect, line), a[href^='javascript']")
        .count(),
    ).toBe(0);
    expect(await page.textContent(".chat")).toContain(`<svg onload="window.pwned='text'"></svg>`);
    expect(dialogs).toEqual([]);
  });

  it("unlocks a password share through its form, and shows 404 and 410 pages", async () => {
    const code = await shareOf(conversationData(3, "비밀 대화"), { password: "open sesame" });
    await page.goto(`${HOSTING}/s/${code}`);
    expect(await page.content()).not.toContain("치킨");
    await page.fill("#password", "wrong one");
    await page.click("button[type=submit]");
    await expect.poll(() => page.textContent("[role=alert]")).toContain("비밀번호가 맞지 않아요");
    await page.fill("#password", "open sesame");
    await page.click("button[type=submit]");
    await expect.poll(() => page.locator(".msg").count()).toBe(2); // and one date divider

    expect((await page.goto(`${HOSTING}/s/${"Z".repeat(22)}`))?.status()).toBe(404);
    expect(await page.textContent("h1")).toBe("대화를 찾을 수 없어요");
    const revoked = await shareOf();
    await revokeShare(shareDeps(adminDb()), "owner", revoked);
    expect((await page.goto(`${HOSTING}/s/${revoked}`))?.status()).toBe(410);
    expect(await page.textContent("h1")).toBe("더 이상 볼 수 없는 대화예요");
  });

  it("demo page: sign in as the demo user, share a conversation, open its link", async () => {
    expect((await runDemoSeed()).status).toBe(0);
    expect((await adminAuth().getUser(DEMO_USER.uid)).email).toBe(DEMO_USER.email);
    await page.goto(`${HOSTING}/`);
    await page.click("#demo-sign-in");
    await expect.poll(() => page.locator("#conversations li button.share").count()).toBeGreaterThan(0);
    await page.locator("#conversations li button.share").first().click();
    // The share dialog (@talkstudio/client/react-ui): a link with the default settings.
    await page.click(".ts-share-create-button");
    const created = page.locator(".ts-share-created input");
    await expect.poll(() => created.inputValue()).toMatch(/^http/);
    const url = await created.inputValue();
    await page.goto(url);
    await expect.poll(() => page.locator(".msg").count()).toBeGreaterThan(0);

    // "/?copy=CODE" shows the shared title and copies only once the visitor says yes.
    const code = url.split("/").at(-1)!;
    const { title } = (await adminDb().doc(firestorePaths.share(code)).get()).data() as { title: string };
    const owned = async () =>
      (await adminDb().collection(firestorePaths.conversations(DEMO_USER.uid)).count().get()).data().count;
    const before = await owned();
    await page.goto(`${HOSTING}/?copy=${code}`);
    await expect.poll(() => page.textContent("#copy")).toContain(title);
    expect(await owned()).toBe(before);
    await page.click("#copy-confirm");
    // The copy callable's first call starts its worker: seconds on a busy machine.
    await expect.poll(() => page.textContent("#copy"), { timeout: 30_000 }).toMatch(/복사했어요/);
    expect(await owned()).toBe(before + 1);
  });
});
