// How close /s/{code} looks to the SPA's own preview (issue 20): the same conversations go into the
// SPA's running preview (its own Vite, from a local copy at SPA_DIR; LocalStorage seeded with a
// project, loaded through the SPA's own store) and into a share on the emulators; both are
// screenshotted in Chromium at the phone's width and 2 device pixels per CSS pixel, the chat areas
// cropped to the same box, and compared: SSIM (ssim.js, its default Wang et al. settings) and the
// share of pixels that differ. Side-by-side images go to reports/share-fidelity/ (never committed:
// they hold the SPA's pictures). Offline, so the bench answers three kinds of request itself:
//   - the SPA's Pretendard from its CDN: the same files from the local `pretendard` package;
//   - the other fonts the SPA names (Inter, DM Sans, SF Pro, Apple SD Gothic Neo, …): this machine
//     has no CJK system font, so they all get Pretendard's glyphs, standing in for a phone's fonts;
//   - DiceBear avatars: one plain generated picture per seed, the same on both pages.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { PNG } from "pngjs";
import { ssim } from "ssim.js";
import { createConversation, createShare, toConversationData } from "../client/src/index.js";
import { emulatorHosts } from "../dev/emulators.js";
import { launchChromium } from "../dev/chromium.js";
import { newUser } from "./users.js";

const HOSTING = `http://${emulatorHosts.hosting}`;
const REPORTS = "reports/share-fidelity";
const SPA_PORT = 5199;
const SPA = `http://127.0.0.1:${SPA_PORT}`;
/** A pixel differs when one of its channels is off by more than this (of 255): visible, not antialiasing. */
const PIXEL_THRESHOLD = 32;

export const FIDELITY_THEMES = [
  "kakao",
  "discord",
  "telegram",
  "insta",
  "kakao-shorts",
  "discord-shorts",
  "telegram-shorts",
  "insta-shorts",
] as const;
type ThemeId = (typeof FIDELITY_THEMES)[number];

// The SPA's default avatars (its store's first two authors, and what addAuthor gives a third).
const AUTHORS = [
  { id: "me", name: "나", avatarUrl: "https://api.dicebear.com/7.x/avataaars/svg?seed=Felix" },
  { id: "other", name: "민지", avatarUrl: "https://api.dicebear.com/7.x/avataaars/svg?seed=Aneka" },
  {
    id: "author-1733800000000",
    name: "준호",
    avatarUrl: "https://api.dicebear.com/7.x/avataaars/svg?seed=author-1733800000000",
  },
];

type Line =
  { divider: string } | { system: string } | { by: "me" | "other" | "third"; text: string; at: string };

const say = (by: "me" | "other" | "third", text: string, at: string): Line => ({ by, text, at });

/** Short and long messages, three authors, emoji, a date divider and a system line. */
export const FIDELITY_CONVERSATIONS: Record<string, Line[]> = {
  everyday: [
    { divider: "2024년 12월 10일 화요일" },
    say("other", "내일 7시 맞지?", "오후 7:02"),
    say("other", "강남역 11번 출구 앞에서 보자", "오후 7:02"),
    say("me", "ㅇㅇ 맞아 😀", "오후 7:03"),
    say("third", "나도 갈게! 조금 늦을 수도 있어", "오후 7:05"),
    say("me", "괜찮아 천천히 와. 먼저 들어가 있을게", "오후 7:06"),
    { system: "준호님이 들어왔습니다." },
    say("other", "👍👍", "오후 7:08"),
  ],
  long: [
    { divider: "2024년 12월 11일 수요일" },
    say(
      "other",
      "어제 회의에서 나온 이야기 정리해서 보내줄게. 다음 주까지 시안 두 개 만들고 금요일에 같이 보면 될 것 같아",
      "오전 10:15",
    ),
    say("me", "좋아요. 시안은 제가 먼저 초안 잡아서 공유할게요", "오전 10:17"),
    say("me", "참고 자료도 같이 올려둘게요", "오전 10:17"),
    say(
      "third",
      "저는 일정표랑 예산 쪽을 맡을게요. 혹시 빠진 항목 있으면 말씀해 주세요. 수요일 오후에 한 번 더 점검하면 좋겠어요",
      "오전 10:20",
    ),
    say("other", "고마워 🙏", "오전 10:21"),
    { system: "민지님이 사진을 보냈습니다." },
    say("me", "확인했습니다!", "오전 10:30"),
  ],
  short: [
    say("me", "ㅋㅋㅋ", "오후 11:40"),
    say("other", "뭐해?", "오후 11:41"),
    say("other", "자?", "오후 11:41"),
    say("me", "아니", "오후 11:42"),
    say("me", "넷플 보는 중 🍿", "오후 11:42"),
    { divider: "2024년 12월 12일 목요일" },
    say("third", "굿모닝 ☀️", "오전 8:01"),
    say("other", "🎉🎉🎉", "오전 8:03"),
    say("me", "좋은 아침", "오전 8:05"),
  ],
};

function spaMessages(lines: Line[]) {
  return lines.map((line, i) => {
    const id = `m${i + 1}`;
    if ("divider" in line) return { id, type: "dateDivider", text: line.divider };
    if ("system" in line) return { id, role: "system", authorId: "", text: line.system, datetime: "" };
    const author = { me: AUTHORS[0], other: AUTHORS[1], third: AUTHORS[2] }[line.by];
    return {
      id,
      role: line.by === "me" ? "me" : "other",
      authorId: author?.id ?? "me",
      text: line.text,
      datetime: `2024-12-10 ${line.at}`,
    };
  });
}

/** The SPA's project as its LocalStorage keeps it, with the SPA's own preset for the theme. */
function spaProject(name: string, lines: Line[], theme: Record<string, unknown>) {
  const skin = String(theme.id).replace("-shorts", "");
  return {
    id: `proj_bench_${name}_${String(theme.id)}`,
    title: `${name} ${String(theme.id)}`,
    createdAt: "2024-12-10T10:00:00.000Z",
    updatedAt: "2024-12-10T10:00:00.000Z",
    conversation: {
      platformSkin: skin,
      title: "민지",
      authors: AUTHORS,
      messages: spaMessages(lines),
      unreadCount: 3,
    },
    theme,
    statusBar: { time: "오후 7:10", battery: 85, isWifi: true },
  };
}

/**
 * A shorts preset brought to a 390 × 844 phone, for the SPA's side: the SPA draws the phone's
 * interface at phone size on its 1080-px canvas and only the theme's values and its date dividers
 * at shorts size (1080 / 390 ≈ 2.77, the factor its dividers use). The page shows shorts at phone
 * size (docs/share-page.md says why), so the reference is the SPA's preview with the canvas at phone
 * size, the theme's sizes divided by that factor, and the dividers at phone size too: the SPA scales
 * them by the theme's id alone, so the reference carries the skin's id (nothing else in the SPA's
 * preview reads the suffix). Our share keeps the preset as the SPA stores it.
 */
function atPhoneSize(theme: Record<string, unknown>): Record<string, unknown> {
  if (!String(theme.id).endsWith("-shorts")) return theme;
  const k = 390 / 1080;
  const scaled = (value: unknown) => (typeof value === "number" ? Math.round(value * k * 10) / 10 : value);
  const bubble = theme.bubble as Record<string, Record<string, unknown>>;
  const sides = Object.fromEntries(
    Object.entries(bubble).map(([side, b]) => [
      side,
      { ...b, paddingX: scaled(b.paddingX), paddingY: scaled(b.paddingY), radius: scaled(b.radius) },
    ]),
  );
  return {
    ...theme,
    id: String(theme.id).replace("-shorts", ""),
    canvasWidth: 390,
    canvasHeight: 844,
    fontSize: scaled(theme.fontSize),
    avatarSize: scaled(theme.avatarSize),
    headerTitleSize: scaled(theme.headerTitleSize),
    bubble: sides,
  };
}

// ---- offline stand-ins -------------------------------------------------------------------------

const pretendardDir = () =>
  join(resolve(createRequire(import.meta.url).resolve("pretendard/package.json"), ".."), "dist");
/** Where the SPA links Pretendard from (its index.html); answered from the local package. */
const PRETENDARD_CDN = "https://cdn.jsdelivr.net/gh/orioncactus/pretendard@v1.3.9/dist";
const FONT_ALIASES = [
  "Inter",
  "DM Sans",
  "Noto Sans KR",
  "SF Pro Text",
  "SF Compact",
  "Apple SD Gothic Neo",
  "Helvetica Neue",
  "-apple-system",
];
/**
 * Each family as the SPA's own Pretendard link serves Pretendard: the variable font's dynamic
 * subsets, from the jsdelivr path the route below answers. Not the one-file font: kerning does not
 * cross a subset's edge, so the one file sets Korean lines a little narrower than the page does,
 * and a line that fits by a fraction of a pixel wraps differently (Telegram's long chat did).
 */
const aliasCss = () => {
  const css = readFileSync(
    join(pretendardDir(), "web/variable/pretendardvariable-dynamic-subset.css"),
    "utf8",
  )
    .replaceAll("./woff2-dynamic-subset/", `${PRETENDARD_CDN}/web/variable/woff2-dynamic-subset/`)
    .replace(/font-display:\s*swap/g, "font-display: block");
  return FONT_ALIASES.map((family) => css.replaceAll("'Pretendard Variable'", `'${family}'`)).join("\n");
};

function avatarSvg(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="hsl(${hue},60%,75%)"/><circle cx="32" cy="26" r="12" fill="hsl(${(hue + 180) % 360},45%,40%)"/><rect x="14" y="42" width="36" height="22" rx="11" fill="hsl(${(hue + 180) % 360},45%,40%)"/></svg>`;
}

/** Answers the fonts and avatars as above; every other outside request fails at once. */
async function offline(page: Page) {
  const dist = pretendardDir();
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, async (route) => {
    const url = new URL(route.request().url());
    const cors = { "access-control-allow-origin": "*" };
    const pretendard = /\/pretendard@[^/]+\/dist\/(.+)$/.exec(url.pathname)?.[1];
    if (url.hostname === "cdn.jsdelivr.net" && pretendard && existsSync(join(dist, pretendard)))
      return route.fulfill({ path: join(dist, pretendard), headers: cors });
    if (url.hostname === "fonts.googleapis.com")
      return route.fulfill({ body: aliasCss(), contentType: "text/css", headers: cors });
    if (url.hostname === "api.dicebear.com")
      return route.fulfill({
        body: avatarSvg(url.searchParams.get("seed") ?? ""),
        contentType: "image/svg+xml",
        headers: cors,
      });
    return route.abort();
  });
}

/** Until every image has loaded (or failed) and every font is in. */
const settled = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(
      Array.from(document.images, (img) =>
        img.complete
          ? Promise.resolve()
          : new Promise<void>((done) => {
              img.addEventListener("load", () => done(), { once: true });
              img.addEventListener("error", () => done(), { once: true });
            }),
      ),
    );
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

// ---- the SPA ------------------------------------------------------------------------------------

async function startSpa(dir: string): Promise<ChildProcess> {
  const vite = join(dir, "node_modules/vite/bin/vite.js");
  if (!existsSync(vite))
    throw new Error(`${vite} is missing: run \`npm install --ignore-scripts\` in ${dir}.`);
  const child = spawn(
    process.execPath,
    [vite, "--host", "127.0.0.1", "--port", String(SPA_PORT), "--strictPort"],
    {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The SPA's Vite exited:\n${log}`);
    if (
      await fetch(SPA).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    if (Date.now() > deadline) throw new Error(`The SPA's Vite did not answer within a minute:\n${log}`);
    await new Promise((done) => setTimeout(done, 300));
  }
}

/** The SPA's preset for a theme id, from its own module. */
async function spaPreset(page: Page, id: ThemeId): Promise<Record<string, unknown>> {
  return page.evaluate(async (themeId) => {
    const url = "/src/themes/presets.js";
    const presets = (await import(url)) as { getPreset: (id: string) => Record<string, unknown> };
    return JSON.parse(JSON.stringify(presets.getPreset(themeId))) as Record<string, unknown>;
  }, id);
}

/**
 * The project into the SPA's LocalStorage, loaded through its own store (the module instance its
 * app uses), then its preview's canvas alone on the page at 1:1 (the app shows it scaled down).
 * Two pictures of the chat area: as the SPA draws it, except its Instagram narrow-bubble bug (a
 * bubble's `max-width: 70%` resolves against a row only as wide as its content, so bubbles wrap
 * at a fraction of the width the SPA means; the page does not copy it, so the reference has it
 * fixed: the row takes the column's width); and the same with the page's `word-break: keep-all`
 * on every text, which shows what differs besides where lines break.
 */
async function spaShot(
  page: Page,
  project: ReturnType<typeof spaProject>,
): Promise<{ png: PNG; keepAll: PNG; box: Box }> {
  await page.goto(SPA, { waitUntil: "networkidle" });
  await page.evaluate(async (p) => {
    localStorage.setItem("talkstudio_projects", JSON.stringify([p]));
    const url = "/src/store/useChatStore.js";
    const store = (await import(url)) as {
      default: { getState: () => { loadProject: (id: string) => { success: boolean } } };
    };
    if (!store.default.getState().loadProject(p.id).success) throw new Error("loadProject failed");
  }, project);
  await page.waitForFunction(
    (title) => document.querySelector("#chat-canvas")?.textContent?.includes(title),
    project.conversation.title,
  );
  await settled(page);
  const width = Number(project.theme.canvasWidth);
  const height = Number(project.theme.canvasHeight);
  await page.setViewportSize({ width, height });
  const box = await page.evaluate((skin) => {
    const canvas = document.querySelector("#chat-canvas");
    if (!canvas) throw new Error("no #chat-canvas");
    const copy = canvas.cloneNode(true) as HTMLElement;
    document.body.replaceChildren(copy);
    document.body.style.margin = "0";
    // The four platform previews: status bar, header, the message area, the input bar.
    const messages = copy.children[2];
    if (!messages) throw new Error("the preview has no message area");
    if (skin === "insta")
      for (const row of messages.querySelectorAll<HTMLElement>(":scope > div > div.items-end.gap-2"))
        row.style.width = "100%";
    const area = messages.getBoundingClientRect();
    return { x: area.x, y: area.y, width: area.width, height: area.height };
  }, project.conversation.platformSkin);
  await settled(page);
  const png = PNG.sync.read(await page.screenshot());
  await page.evaluate(() => {
    for (const text of document.querySelectorAll<HTMLElement>("#chat-canvas span"))
      text.style.wordBreak = "keep-all";
  });
  await settled(page);
  return { png, keepAll: PNG.sync.read(await page.screenshot()), box };
}

// ---- our page -----------------------------------------------------------------------------------

async function ourShot(page: Page, url: string, width: number, height: number) {
  await page.setViewportSize({ width, height });
  const response = await page.goto(url, { waitUntil: "networkidle" });
  if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
  await settled(page);
  const box = await page.evaluate(() => {
    const chat = document.querySelector(".chat")?.getBoundingClientRect();
    if (!chat) throw new Error("no .chat on the page");
    return { x: chat.x, y: chat.y + window.scrollY, width: chat.width, height: chat.height };
  });
  return { png: PNG.sync.read(await page.screenshot({ fullPage: true })), box };
}

// ---- comparing ----------------------------------------------------------------------------------

function crop(png: PNG, box: Box, scale: number): PNG {
  const x0 = Math.round(box.x * scale);
  const y0 = Math.round(box.y * scale);
  const out = new PNG({ width: Math.round(box.width * scale), height: Math.round(box.height * scale) });
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      const sx = x0 + x;
      const sy = y0 + y;
      const o = (y * out.width + x) * 4;
      if (sx < 0 || sy < 0 || sx >= png.width || sy >= png.height) continue; // stays transparent
      png.data.copy(out.data, o, (sy * png.width + sx) * 4, (sy * png.width + sx) * 4 + 4);
    }
  }
  return out;
}

const image = (png: PNG) => ({ data: new Uint8ClampedArray(png.data), width: png.width, height: png.height });

function compare(spa: PNG, ours: PNG) {
  let differing = 0;
  const mask = new PNG({ width: spa.width, height: spa.height });
  for (let i = 0; i < spa.data.length; i += 4) {
    let off = 0;
    for (let c = 0; c < 3; c++)
      off = Math.max(off, Math.abs((spa.data[i + c] ?? 0) - (ours.data[i + c] ?? 0)));
    const grey = Math.round(((spa.data[i] ?? 0) + (spa.data[i + 1] ?? 0) + (spa.data[i + 2] ?? 0)) / 6 + 128);
    const differs = off > PIXEL_THRESHOLD;
    if (differs) differing++;
    mask.data[i] = differs ? 230 : grey;
    mask.data[i + 1] = differs ? 30 : grey;
    mask.data[i + 2] = differs ? 60 : grey;
    mask.data[i + 3] = 255;
  }
  return { ssim: ssim(image(spa), image(ours)).mssim, differing: differing / (spa.width * spa.height), mask };
}

/** SPA | ours | where they differ (red), side by side. */
function sideBySide(...pngs: PNG[]): Buffer {
  const gap = 16;
  const out = new PNG({
    width: pngs.reduce((sum, p) => sum + p.width, 0) + gap * (pngs.length - 1),
    height: Math.max(...pngs.map((p) => p.height)),
  });
  out.data.fill(255);
  let left = 0;
  for (const p of pngs) {
    PNG.bitblt(p, out, 0, 0, p.width, p.height, left, 0);
    left += p.width + gap;
  }
  return PNG.sync.write(out);
}

export interface FidelityRow {
  conversation: string;
  theme: ThemeId;
  ssim: number;
  differing: number;
  /** Against the SPA with the page's `word-break: keep-all`: what differs besides line breaks. */
  ssimKeepAll: number;
}

/** Each conversation × theme; undefined (with the reason) when there is no SPA to compare with. */
export async function benchShareFidelity(
  dir = process.env.SPA_DIR,
): Promise<{ rows: FidelityRow[] } | { skipped: string }> {
  if (!dir) return { skipped: "SPA_DIR is not set (a local copy of the SPA, with its node_modules)" };
  if (!existsSync(join(dir, "src/components/preview/ChatPreview.jsx")))
    return { skipped: `SPA_DIR=${dir} holds no SPA (src/components/preview/ChatPreview.jsx)` };
  mkdirSync(REPORTS, { recursive: true });
  const vite = await startSpa(dir);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 2,
    });
    // The SPA's first-visit guide would cover its editor.
    await context.addInitScript(() => localStorage.setItem("talkstudio_guide_completed", "true"));
    const spaPage = await context.newPage();
    const ourPage = await context.newPage();
    await offline(spaPage);
    await offline(ourPage);
    await spaPage.goto(SPA, { waitUntil: "networkidle" });
    const owner = await newUser();
    const rows: FidelityRow[] = [];
    // FIDELITY_THEMES=insta,kakao-shorts measures only those (a whole run takes minutes).
    const only = process.env.FIDELITY_THEMES?.split(",");
    const themes = FIDELITY_THEMES.filter((theme) => !only || only.includes(theme));
    for (const [name, lines] of Object.entries(FIDELITY_CONVERSATIONS)) {
      for (const themeId of themes) {
        const preset = await spaPreset(spaPage, themeId);
        const project = spaProject(name, lines, preset);
        const reference = { ...project, theme: atPhoneSize(preset) };
        const spa = await spaShot(spaPage, reference);
        const { id } = await createConversation(owner, toConversationData(project));
        const { code } = await createShare(owner, { conversationId: id });
        const ours = await ourShot(
          ourPage,
          `${HOSTING}/s/${code}`,
          spa.box.width,
          Number(reference.theme.canvasHeight),
        );
        // The same box on both: the SPA's chat area, laid at the bottom of ours (Discord: the top),
        // where each app starts its messages.
        const top = themeId.startsWith("discord")
          ? ours.box.y
          : ours.box.y + ours.box.height - spa.box.height;
        const a = crop(spa.png, spa.box, 2);
        const b = crop(ours.png, { ...spa.box, x: ours.box.x, y: top }, 2);
        const result = compare(a, b);
        const keepAll = compare(crop(spa.keepAll, spa.box, 2), b);
        writeFileSync(join(REPORTS, `${name}-${themeId}.png`), sideBySide(a, b, result.mask));
        writeFileSync(join(REPORTS, `${name}-${themeId}-ours.png`), PNG.sync.write(b));
        rows.push({
          conversation: name,
          theme: themeId,
          ssim: result.ssim,
          differing: result.differing,
          ssimKeepAll: keepAll.ssim,
        });
      }
    }
    return { rows };
  } finally {
    await browser?.close();
    vite.kill();
  }
}

/**
 * Lowest SSIM of each theme over the everyday and short conversations: the goal's measure. The
 * long one is printed but not judged: there `word-break: keep-all` (deliberate) moves lines.
 */
export function worstByTheme(rows: FidelityRow[]): Map<ThemeId, FidelityRow> {
  const worst = new Map<ThemeId, FidelityRow>();
  for (const row of rows.filter((r) => r.conversation !== "long")) {
    const seen = worst.get(row.theme);
    if (!seen || row.ssim < seen.ssim) worst.set(row.theme, row);
  }
  return worst;
}
