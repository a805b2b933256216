// What the scenarios do to the built SPA in Chromium: serve it, open it as a person would, sign in
// at the Auth emulator's page, type into the SPA's own message boxes, and read the cloud.
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { firestorePaths } from "../../client/src/schema/index.js";
import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import { PROJECT_ID } from "../../dev/emulators.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const admin = () =>
  getApps().find((app) => app.name === "spa-adoption") ??
  initializeApp({ projectId: PROJECT_ID }, "spa-adoption");
/** Google's script loader, which the Auth SDK and the emulator's pages need, answered offline. */
const GAPI_STAND_IN = readFileSync(join(root, "dev/gapi-stand-in.js"), "utf8");

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

/** The built SPA (`dist`), every unknown path answered with index.html as its host would. */
export function serveSpa(dist: string, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    const file = join(dist, path);
    const found =
      file.startsWith(dist) && existsSync(file) && statSync(file).isFile() ? file : join(dist, "index.html");
    response.writeHead(200, { "content-type": TYPES[extname(found)] ?? "application/octet-stream" });
    createReadStream(found).pipe(response);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

export interface Device {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every JavaScript file the device fetched, with its size. */
  readonly scripts: { url: string; bytes: number }[];
}

/** A browser profile of its own (a device, or a person); `mobile` is a 390-pixel phone. */
export async function newDevice(
  browser: Browser,
  url: string,
  options: { mobile?: boolean; storage?: Record<string, string> } = {},
): Promise<Device> {
  const context = await browser.newContext();
  await context.route(/^https:\/\/apis\.google\.com\/js\/api\.js/, (route) =>
    route.fulfill({ contentType: "text/javascript", body: GAPI_STAND_IN }),
  );
  context.setDefaultTimeout(15_000);
  if (options.storage) {
    // Once per browser profile, as the SPA's data is: a flag in sessionStorage would seed each new
    // tab again, putting the fixture's old copies back over what the SPA saved since.
    await context.addInitScript((entries) => {
      if (location.protocol !== "http:" || localStorage.getItem("spa-adoption-seeded")) return;
      localStorage.setItem("spa-adoption-seeded", "1");
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    }, options.storage);
  }
  // A page error or an alert is worth seeing beside the scenario that failed on it.
  context.on("page", (opened) => {
    opened.on("pageerror", (error) => console.log(`      page error: ${error.message}`));
    opened.on("console", (message) => {
      if (process.env.SPA_CONSOLE && ["error", "warning"].includes(message.type()))
        console.log(`      console ${message.type()}: ${message.text().slice(0, 300)}`);
    });
    opened.on("dialog", (dialog) => {
      console.log(`      ${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
  });
  const page = await context.newPage();
  if (options.mobile) await page.setViewportSize({ width: 390, height: 844 });
  const scripts: Device["scripts"] = [];
  context.on("response", (response) => {
    if (response.url().endsWith(".js") && response.url().startsWith(url))
      void response.body().then(
        (body) => scripts.push({ url: response.url(), bytes: body.length }),
        () => undefined,
      );
  });
  await page.goto(url);
  return { context, page, scripts };
}

/** Signs in with Google at the emulator's page: the account with that email, made if new. */
export async function signIn(page: Page, account: { email: string; name: string }): Promise<void> {
  const entry = page.locator(".ts-cloud-entry");
  if (await entry.isVisible()) await entry.click();
  // A dialog that asks to sign in (an invite) covers the bar: its own button is the one to press.
  await page.locator(".ts-sign-in-google").first().waitFor();
  const inDialog = page.locator(".ts-dialog .ts-sign-in-google");
  const button = (await inDialog.count()) ? inDialog : page.locator(".ts-sign-in-google");
  const [popup] = await Promise.all([page.waitForEvent("popup"), button.first().click()]);
  await popup.waitForLoadState();
  const known = popup.locator(".js-reuse-account", { hasText: account.email });
  if (await known.count()) await known.first().click();
  else {
    await popup.click("#add-account-button");
    await popup.fill("#email-input", account.email);
    await popup.fill("#display-name-input", account.name);
    await popup.click("#sign-in");
  }
  await page.locator('.ts-account-menu[data-signed-in="true"]').waitFor();
}

/** Opens a project through the glue's list of cloud projects (by id: titles repeat). */
export async function openById(page: Page, id: string): Promise<void> {
  const value = await page.waitForFunction(
    (wanted) =>
      [...document.querySelectorAll<HTMLOptionElement>('select[aria-label="클라우드 프로젝트"] option')]
        .map((option) => option.value)
        .find((value) => value === wanted || value.startsWith(`${wanted} `)) ?? false,
    id,
    { timeout: 20_000 },
  );
  await page.locator('select[aria-label="클라우드 프로젝트"]').selectOption(String(await value.jsonValue()));
  await page.locator(".ts-status-badge").waitFor();
}

/** The SPA's messages tab (on a phone, its editor view first), where the message boxes are. */
export async function showMessages(page: Page): Promise<void> {
  const editorView = page.getByRole("button", { name: "editor", exact: true });
  if (await editorView.isVisible()) await editorView.click();
  await page.getByRole("button", { name: "메시지", exact: true }).first().click();
  await messageBox(page, 0).waitFor();
}

/** The SPA's message boxes (its own textarea per message). */
export const messageBox = (page: Page, index: number) =>
  page.getByPlaceholder("메시지 내용을 입력하세요...").nth(index);

/** The sync badge's state: saved, saving, offline, conflict, error. */
export const badgeState = (page: Page) => page.locator(".ts-status-badge").getAttribute("data-state");

/** Waits for the badge to say "saved"; if it never does, the error says what it said instead. */
export async function untilSaved(page: Page, what = "saved"): Promise<void> {
  await until(what, async () => (await badgeState(page)) === "saved").catch(async (error: Error) => {
    const badge = await page
      .locator(".ts-status-badge")
      .textContent({ timeout: 1_000 })
      .catch(() => null);
    throw new Error(`${error.message} (the badge says: ${badge ?? "nothing"})`);
  });
}

/** Closes the SPA's project list as a person does: a click beside it (it has no Escape). */
export const closeProjectList = (page: Page) => page.mouse.click(4, 4);

/** The uid the Auth emulator gave an email. */
export async function uidOf(email: string): Promise<string> {
  return (await getAuth(admin()).getUserByEmail(email)).uid;
}

/** A conversation's stored content as text (null when there is none). */
export async function cloudText(uid: string, id: string): Promise<string | null> {
  const snapshot = await getFirestore(admin()).doc(firestorePaths.content(uid, id)).get();
  return snapshot.exists ? JSON.stringify(snapshot.data()) : null;
}

/** Waits for `check` to hold (polling), naming what it waited for if it never does. */
export async function until(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
