// The scenarios of issue 27, each as a person does it in the built SPA (desktop unless said), in
// order: later ones use the accounts and projects earlier ones made. Run inside the emulator suite.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { unescapeHtml } from "../../client/src/migration/html-entities.js";
import {
  badgeState,
  closeProjectList,
  cloudText,
  messageBox,
  newDevice,
  openById,
  showMessages,
  signIn,
  uidOf,
  until,
  untilSaved,
  type Device,
} from "./browser.js";

export interface World {
  readonly browser: Browser;
  readonly url: string;
  readonly hostingUrl: string;
  readonly root: string;
}

const MINJI = { email: "minji@example.com", name: "김민지" };
const JIHOON = { email: "jihoon@example.com", name: "박지훈" };
const SEOYEON = { email: "seoyeon@example.com", name: "이서연" };
const BIG_THEME_BYTES = 300 * 1024;

interface SpaProject {
  id: string;
  title: string;
  conversation: { title: string; messages: { id: string; text: string }[] };
  theme: Record<string, unknown>;
}

/** LocalStorage the SPA's own code made (tests/fixtures/spa, scripts/spa-fixtures), plus a project over the limits. */
function seededStorage(root: string): {
  storage: Record<string, string>;
  projects: SpaProject[];
  oversized: SpaProject;
} {
  const read = (name: string) =>
    (
      JSON.parse(readFileSync(join(root, "tests/fixtures/spa", name), "utf8")) as {
        localStorage: { talkstudio_projects: SpaProject[] };
      }
    ).localStorage.talkstudio_projects;
  const projects = [...read("editor.json"), ...read("ai-generator.json")];
  const [first] = projects;
  const oversized: SpaProject = {
    ...first!,
    id: "proj_oversized_background",
    title: "배경이 너무 큰 프로젝트",
    theme: { ...first!.theme, backgroundImageUrl: `data:image/png;base64,${"A".repeat(BIG_THEME_BYTES)}` },
  };
  return { storage: { talkstudio_projects: JSON.stringify([...projects, oversized]) }, projects, oversized };
}

/** Half an emoji (the SPA's 1000-unit cut) is stored as U+FFFD. */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
/** The ids of the projects in the SPA's LocalStorage. */
const localIds = async (page: Page) =>
  (
    JSON.parse(
      (await page.evaluate(() => localStorage.getItem("talkstudio_projects"))) ?? "[]",
    ) as SpaProject[]
  ).map((p) => p.id);
const escapes = (title: string) => /&(amp|quot|lt|gt|#x2F|#39);/.test(title);

export function scenarios(world: World): [string, () => Promise<string | void>][] {
  const { browser, url } = world;
  const seeded = seededStorage(world.root);
  const fits = seeded.projects;
  let minji: Device;
  let minjiUid = "";
  const target = fits.find((p) => p.conversation.messages.length >= 3)!;
  const open = async (page: Page) => {
    await openById(page, target.id);
    await showMessages(page);
  };
  const type = async (page: Page, index: number, text: string) => {
    await messageBox(page, index).fill(text);
  };
  const inCloud = (text: string, ms?: number) =>
    until(
      `"${text}" in the cloud`,
      async () => (await cloudText(minjiUid, target.id))?.includes(text) ?? false,
      ms,
    );

  return [
    [
      "a visitor who never signed in fetches no cloud code",
      async () => {
        minji = await newDevice(browser, url, { storage: seeded.storage });
        await minji.page.locator(".ts-cloud-entry").waitFor();
        const cloud = minji.scripts.filter((s) => /Cloud-|firebase|index\.esm/i.test(s.url));
        if (cloud.length) throw new Error(`fetched ${cloud.map((s) => s.url).join(", ")}`);
        return `${minji.scripts.length} script(s), ${minji.scripts.reduce((n, s) => n + s.bytes, 0)} bytes, 0 cloud bytes`;
      },
    ],
    [
      "sign-in (Google at the Auth emulator)",
      async () => {
        await signIn(minji.page, MINJI);
        minjiUid = await uidOf(MINJI.email);
      },
    ],
    [
      "migration of the SPA's own LocalStorage (refused project reported: defect 7)",
      async () => {
        await minji.page
          .locator(".ts-dialog", { hasText: seeded.oversized.title })
          .waitFor({ timeout: 60_000 });
        let differences = 0;
        for (const project of fits) {
          const stored = await cloudText(minjiUid, project.id);
          if (!stored) throw new Error(`${project.id} (${project.title}) is not in the cloud`);
          for (const message of project.conversation.messages)
            if (!stored.includes(JSON.stringify(wellFormed(unescapeHtml(message.text))).slice(1, -1)))
              differences++;
        }
        if (differences) throw new Error(`${differences} message texts differ`);
        await minji.page.locator(".ts-dialog .ts-primary").click();
        return `${fits.length} of ${fits.length + 1} projects, the refused one in the report`;
      },
    ],
    [
      "autosave",
      async () => {
        await open(minji.page);
        const started = Date.now();
        await type(minji.page, 0, "자동 저장되는 글");
        await inCloud("자동 저장되는 글");
        return `in the cloud after ${Date.now() - started} ms`;
      },
    ],
    [
      "reload: the project opens from the SPA's own list with no dialog",
      async () => {
        await minji.page.reload();
        await minji.page.getByTitle("프로젝트 관리").click();
        await minji.page.getByRole("button", { name: target.title }).first().click();
        await showMessages(minji.page);
        await until(
          "the box shows the saved text",
          async () => (await messageBox(minji.page, 0).inputValue()) === "자동 저장되는 글",
        );
        await untilSaved(minji.page);
        if (await minji.page.locator(".ts-dialog").count()) throw new Error("a dialog opened");
      },
    ],
    [
      "tab close: an edit < 1 s old is kept and reaches the cloud on the next visit (defect 4)",
      async () => {
        const tab = await minji.context.newPage();
        await tab.goto(url);
        await open(tab);
        await type(tab, 1, "닫기 직전에 쓴 글");
        const closed = tab.waitForEvent("close"); // close() with beforeunload does not wait for it
        await tab.close({ runBeforeUnload: true });
        await closed;
        const next = await minji.context.newPage();
        await next.goto(url);
        await open(next);
        await inCloud("닫기 직전에 쓴 글", 30_000);
        await next.close();
      },
    ],
    [
      "offline edit in a tab closed offline, sent on the next visit",
      async () => {
        const tab = await minji.context.newPage();
        await tab.goto(url);
        await open(tab);
        await minji.context.setOffline(true);
        try {
          await type(tab, 2, "오프라인에서 쓴 글");
          await until("the SPA's own autosave", async () =>
            (await tab.evaluate(() => localStorage.getItem("talkstudio_projects") ?? "")).includes(
              "오프라인에서 쓴 글",
            ),
          );
          const closed = tab.waitForEvent("close"); // close() with beforeunload does not wait for it
          await tab.close({ runBeforeUnload: true });
          await closed;
        } finally {
          await minji.context.setOffline(false); // a failure here must not leave the next scenarios offline
        }
        await minji.page.reload();
        await open(minji.page);
        await inCloud("오프라인에서 쓴 글", 30_000);
      },
    ],
    [
      "two tabs: different messages merge",
      async () => {
        const two = await minji.context.newPage();
        await two.goto(url);
        await open(two);
        await open(minji.page).catch(() => undefined);
        await type(minji.page, 0, "첫 탭의 글");
        await type(two, 1, "둘째 탭의 글");
        await inCloud("첫 탭의 글");
        await inCloud("둘째 탭의 글");
        await until(
          "each tab shows the other's",
          async () =>
            (await messageBox(minji.page, 1).inputValue()) === "둘째 탭의 글" &&
            (await messageBox(two, 0).inputValue()) === "첫 탭의 글",
        );
        await two.close();
      },
    ],
    [
      "second device (phone layout) opens a project it never had; another device's edit reaches its box (defect 3)",
      async () => {
        const phone = await newDevice(browser, url, {
          mobile: true,
          storage: { talkstudio_guide_completed: "true" },
        });
        await signIn(phone.page, MINJI);
        await open(phone.page);
        await type(minji.page, 0, "다른 기기에서 고친 글"); // the desktop, while the phone has it open
        await until(
          "the phone's box shows it",
          async () => (await messageBox(phone.page, 0).inputValue()) === "다른 기기에서 고친 글",
        );
        await type(phone.page, 1, "폰에서 쓴 글");
        await inCloud("폰에서 쓴 글");
        const stored = (await cloudText(minjiUid, target.id)) ?? "";
        if (!stored.includes("다른 기기에서 고친 글"))
          throw new Error("the phone saved its old text over the other device's edit");
        await phone.context.close();
      },
    ],
    [
      "titles come back unescaped on a second device (defect 6)",
      async () => {
        const quoted = fits.find((p) => /[&"<>]/.test(p.title)) ?? target;
        const other = await newDevice(browser, url);
        await signIn(other.page, MINJI);
        await openById(other.page, quoted.id);
        const stored = JSON.parse(
          (await other.page.evaluate(() => localStorage.getItem("talkstudio_projects"))) ?? "[]",
        ) as SpaProject[];
        const title = stored.find((p) => p.id === quoted.id)?.title;
        await other.context.close();
        if (!escapes(quoted.title)) throw new Error(`no fixture title with an escaped character`);
        if (title !== unescapeHtml(quoted.title)) throw new Error(`title came back as ${title}`);
        return `"${title}"`;
      },
    ],
    [
      "a project the schema refuses leaves the app working (defect 1)",
      async () => {
        await minji.page.getByTitle("프로젝트 관리").click();
        await minji.page.getByRole("button", { name: seeded.oversized.title }).first().click();
        await until("the badge says what is wrong", async () => (await badgeState(minji.page)) === "error");
        const detail = (await minji.page.locator(".ts-status-badge").textContent()) ?? "";
        await messageBox(minji.page, 0).fill("큰 프로젝트에서도 쓸 수 있어요");
        const local = (await minji.page.evaluate(() => localStorage.getItem("talkstudio_projects"))) ?? "";
        await until("the SPA's autosave keeps it", async () =>
          ((await minji.page.evaluate(() => localStorage.getItem("talkstudio_projects"))) ?? "").includes(
            "큰 프로젝트에서도",
          ),
        );
        if (!local) throw new Error("LocalStorage lost");
        return detail;
      },
    ],
    [
      "a new project is not reported deleted (defect 2, 5 runs)",
      async () => {
        for (let run = 0; run < 5; run++) {
          await minji.page.getByTitle("프로젝트 관리").click();
          await minji.page
            .getByRole("button", { name: /새 프로젝트/ })
            .first()
            .click();
          await untilSaved(minji.page);
          await minji.page.getByRole("button", { name: "메시지", exact: true }).first().click();
          await minji.page
            .getByRole("button", { name: /메시지 추가/ })
            .first()
            .click(); // a new project has none; the button asks whose message it is
          await minji.page.getByRole("button", { name: "상대방" }).last().click();
          await type(minji.page, 0, `새 프로젝트 ${run}`);
          await untilSaved(minji.page, "saved after an edit");
          const text = (await minji.page.locator(".ts-status-badge").textContent()) ?? "";
          if (/not-found|삭제/.test(text)) throw new Error(`run ${run}: ${text}`);
        }
      },
    ],
    [
      "the same message in two tabs: a readable conflict dialog (defect 5)",
      async () => {
        await open(minji.page);
        const two = await minji.context.newPage();
        await two.goto(url);
        await open(two);
        await minji.context.setOffline(true);
        await type(minji.page, 0, "첫 탭이 쓴 같은 줄");
        await type(two, 0, "둘째 탭이 쓴 같은 줄");
        await minji.context.setOffline(false);
        let dialog = minji.page.locator(".ts-dialog"); // whichever tab saved second asks
        await until(
          "a conflict dialog in either tab",
          async () => {
            for (const tab of [minji.page, two])
              if (await tab.locator(".ts-dialog").count())
                return Boolean((dialog = tab.locator(".ts-dialog")));
            return false;
          },
          30_000,
        );
        const text = (await dialog.first().textContent()) ?? "";
        if (/[{}]|msg-|"text"/.test(text) || text.includes(minjiUid))
          throw new Error(`raw data shown: ${text.slice(0, 200)}`);
        if (!text.includes("첫 탭이 쓴 같은 줄") || !text.includes("둘째 탭이 쓴 같은 줄"))
          throw new Error("both versions not shown");
        await dialog.first().getByRole("button").first().click();
        await two.close();
      },
    ],
    [
      "sharing: a password share made in the SPA opens at /s/{code} elsewhere",
      async () => {
        await open(minji.page);
        const shown = await messageBox(minji.page, 0).inputValue(); // what the link must show
        if (!shown) throw new Error("the first message is empty: nothing to look for");
        await minji.page.getByRole("button", { name: "공유" }).click();
        const dialog = minji.page.locator(".ts-dialog");
        await dialog
          .getByLabel(/비밀번호/)
          .first()
          .fill("share-password-1");
        await dialog
          .getByRole("button", { name: /만들기|공유 링크/ })
          .first()
          .click();
        const link = await until(
          "a link",
          async () => (await dialog.locator("input[readonly]").count()) > 0,
        ).then(() => dialog.locator("input[readonly]").first().inputValue());
        const code = /\/s\/([^/?#]+)/.exec(link)?.[1];
        if (!code) throw new Error(`no /s/ link: ${link}`);
        await minji.page.keyboard.press("Escape");
        const stranger = await browser.newContext();
        const page = await stranger.newPage();
        await page.goto(`${world.hostingUrl}/s/${code}`);
        await page.locator('input[type="password"]').fill("share-password-1");
        await page.keyboard.press("Enter");
        await page.getByText(shown).first().waitFor();
        await stranger.close();
        return `/s/${code}`;
      },
    ],
    [
      "two people co-edit through an invite",
      async () => {
        await minji.page.getByRole("button", { name: "초대" }).click();
        const dialog = minji.page.locator(".ts-dialog");
        await dialog
          .getByRole("button", { name: /만들기|초대 링크/ })
          .first()
          .click();
        await until("an invite link", async () => (await dialog.locator("input[readonly]").count()) > 0);
        const link = await dialog.locator("input[readonly]").first().inputValue();
        const code = new URL(link).searchParams.get("invite");
        if (!code) throw new Error(`no invite code in ${link}`);
        await minji.page.keyboard.press("Escape");
        const jihoon = await newDevice(browser, `${url}/?invite=${code}`);
        await signIn(jihoon.page, JIHOON);
        await jihoon.page
          .locator(".ts-dialog")
          .getByRole("button", { name: /참여|수락/ })
          .first()
          .click();
        await showMessages(jihoon.page); // the SPA opens a project on its first tab
        await type(jihoon.page, 1, "지훈이 함께 쓴 글");
        await inCloud("지훈이 함께 쓴 글");
        await until(
          "민지 sees it",
          async () => (await messageBox(minji.page, 1).inputValue()) === "지훈이 함께 쓴 글",
        );
        await jihoon.context.close();
      },
    ],
    [
      "delete: a project deleted in the SPA leaves the cloud too",
      async () => {
        // Titles repeat (the SPA names a project after its first speaker): the row is found by
        // its trash can, and which project went by the SPA's own list before and after.
        const before = await localIds(minji.page);
        const index = before.findIndex((id) => id !== target.id && fits.some((p) => p.id === id));
        await minji.page.getByTitle("프로젝트 관리").click();
        await minji.page
          .getByRole("button", { name: /새 프로젝트/ })
          .first()
          .waitFor();
        // The list's rows are LocalStorage's order, its trash cans the page's last ones (after the
        // message editor's own "삭제" buttons).
        const trash = minji.page.getByTitle("삭제", { exact: true });
        await trash.nth((await trash.count()) - before.length + index).click();
        await minji.page.getByTitle("다시 클릭하여 삭제 확인").click();
        await until(
          "gone from the SPA's list",
          async () => (await localIds(minji.page)).length < before.length,
        );
        const after = await localIds(minji.page);
        const victim = before.find((id) => !after.includes(id))!;
        if (victim !== before[index]) throw new Error(`deleted ${victim}, not ${before[index]}`);
        await until("gone from the cloud", async () => (await cloudText(minjiUid, victim)) === null);
        await closeProjectList(minji.page);
        return victim;
      },
    ],
    [
      "second account on the same browser: signing out forgets the first account's projects",
      async () => {
        await minji.page.locator(".ts-account-button").click();
        await minji.page.getByRole("menuitem", { name: /로그아웃/ }).click();
        await until(
          "LocalStorage cleared",
          async () => (await minji.page.evaluate(() => localStorage.getItem("talkstudio_projects"))) === null,
        );
        await signIn(minji.page, JIHOON);
        const options = await minji.page
          .locator('select[aria-label="클라우드 프로젝트"] option')
          .allTextContents();
        if (options.some((o) => fits.some((p) => p.title === o)))
          throw new Error("민지's projects are listed for 지훈");
        await minji.page.getByTitle("프로젝트 관리").click();
        await minji.page
          .getByRole("button", { name: /새 프로젝트/ })
          .first()
          .waitFor();
        for (const project of fits)
          if (await minji.page.getByRole("button", { name: project.title, exact: true }).count())
            throw new Error(`지훈 sees 민지's "${project.title}" in the project list`);
        await closeProjectList(minji.page);
      },
    ],
    [
      "more than 50 cloud projects: a device that never had them reaches them all",
      async () => {
        const template = target.conversation.messages.find((m) => m.text)!;
        const bulk = Array.from({ length: 55 }, (_, n) => ({
          ...target,
          id: `proj_1700000000${String(n).padStart(3, "0")}_bulk${String(n).padStart(3, "0")}`,
          title: `묶음 ${n + 1}`,
          conversation: {
            ...target.conversation,
            title: `묶음 ${n + 1}`,
            messages: [{ ...template, id: "m1", text: `묶음 ${n + 1}번의 글` }],
          },
        }));
        const laptop = await newDevice(browser, url, {
          storage: { talkstudio_projects: JSON.stringify(bulk) },
        });
        await signIn(laptop.page, SEOYEON);
        await laptop.page.locator(".ts-dialog", { hasText: "55개를 옮겼어요" }).waitFor({ timeout: 60_000 });
        await laptop.context.close();
        const fresh = await newDevice(browser, url);
        await signIn(fresh.page, SEOYEON);
        const list = fresh.page.locator('select[aria-label="클라우드 프로젝트"] option');
        const titles = async () => (await list.allTextContents()).filter((t) => t.startsWith("묶음 "));
        await until("the first page", async () => (await titles()).length === 50);
        const first = new Set(await titles());
        await fresh.page.locator('select[aria-label="클라우드 프로젝트"]').selectOption("more");
        await until("all 55", async () => new Set(await titles()).size === 55);
        const later = bulk.find((p) => !first.has(p.title))!;
        await openById(fresh.page, later.id);
        await showMessages(fresh.page);
        await until(
          `the box shows ${later.title}'s text`,
          async () => (await messageBox(fresh.page, 0).inputValue()) === `${later.title}번의 글`,
        );
        await fresh.context.close();
        return `50, then 55 with "더 보기…"; opened ${later.title}`;
      },
    ],
  ];
}
