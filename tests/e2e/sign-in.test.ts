// Google and GitHub sign-in as users do it: in Chromium, through the Auth emulator's IdP page,
// with the client module bundled into a page (tests/e2e/sign-in-page).
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { adminDb } from "../support/admin.js";
import { chromiumMissing, launchChromium, newOfflineContext } from "../support/browser.js";
import { clearAuth, clearFirestore, PROJECT_ID } from "../support/emulators.js";
import { eventually } from "../support/eventually.js";
import { servePage, type PageServer } from "../support/page-server.js";
import { firestorePaths } from "../../client/src/index.js";

const PAGE_ENTRY = fileURLToPath(new URL("./sign-in-page/main.ts", import.meta.url));
const skipped = chromiumMissing === undefined ? "" : ` (skipped: ${chromiumMissing})`;

interface ShownUser {
  uid: string;
  email: string | null;
  displayName: string | null;
  providers: string[];
}

/** On the emulator's IdP page (popup or redirect): "Add new account", fill it in, sign in. */
async function signInAtEmulatorIdp(page: Page, account: { email: string; name: string }): Promise<void> {
  await page.click("#add-account-button");
  await page.fill("#email-input", account.email);
  await page.fill("#display-name-input", account.name);
  await page.click("#sign-in");
}

/** The user the page's <output id=…> describes, once it describes one. */
async function userShownIn(page: Page, id: "user" | "redirect"): Promise<ShownUser> {
  const shown = await page.waitForFunction((outputId) => {
    const text = document.getElementById(outputId)?.textContent ?? "";
    return text.startsWith("{") ? text : false;
  }, id);
  return JSON.parse((await shown.jsonValue()) as string) as ShownUser;
}

/** The profile the auth trigger writes for a new user. */
const profileOf = (uid: string) =>
  eventually(async () => (await adminDb().doc(firestorePaths.user(uid)).get()).data());

describe.skipIf(chromiumMissing !== undefined)(`sign-in in Chromium${skipped}`, () => {
  let browser: Browser;
  let site: PageServer;
  let context: BrowserContext;

  beforeAll(async () => {
    [browser, site] = await Promise.all([launchChromium(), servePage(PAGE_ENTRY, PROJECT_ID)]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  beforeEach(async () => {
    await Promise.all([clearAuth(), clearFirestore()]);
    context = await newOfflineContext(browser);
    context.setDefaultTimeout(10_000);
  });
  afterEach(() => context.close());

  it("signs in with Google in a popup, and the server creates the profile", async () => {
    const page = await context.newPage();
    await page.goto(site.url);
    const [popup] = await Promise.all([page.waitForEvent("popup"), page.click("#google")]);
    await signInAtEmulatorIdp(popup, { email: "minji@example.com", name: "Minji Kim" });

    const user = await userShownIn(page, "user");
    expect(user).toMatchObject({ email: "minji@example.com", providers: ["google.com"] });
    await expect.poll(() => page.textContent("#sign-in")).toBe("signed-in");
    expect(await profileOf(user.uid)).toMatchObject({ displayName: "Minji Kim", providers: ["google.com"] });
  });

  it("falls back to a redirect when Chromium blocks the popup, and completes it on return", async () => {
    const page = await context.newPage();
    // No click: the page starts GitHub sign-in by itself, and Chromium blocks popups without a gesture.
    await page.goto(`${site.url}?signIn=github`);
    await page.waitForURL((url) => url.pathname === "/emulator/auth/handler");
    expect(context.pages()).toHaveLength(1);
    await signInAtEmulatorIdp(page, { email: "jun@example.com", name: "Jun Park" });

    await page.waitForURL(`${site.url}?signIn=github`);
    const returned = await userShownIn(page, "redirect");
    expect(returned).toMatchObject({ email: "jun@example.com", providers: ["github.com"] });
    expect(await userShownIn(page, "user")).toEqual(returned);
    expect(await profileOf(returned.uid)).toMatchObject({
      displayName: "Jun Park",
      providers: ["github.com"],
    });
  });
});
