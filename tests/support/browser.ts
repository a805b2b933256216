// Debian's Chromium driven by playwright-core, for the browser tests. Never `npx playwright install`:
// there is no internet here, and the system browser is the one the tests are meant to use.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { chromium, type Browser, type BrowserContext } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";

/** Why the browser tests cannot run on this machine, or undefined when they can. */
export const chromiumMissing = existsSync(CHROMIUM)
  ? undefined
  : `Chromium is not at ${CHROMIUM} (Debian: apt-get install chromium)`;

/** A headless Chromium with a fresh temporary profile; close it in afterAll. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Playwright turns Chromium's popup blocker off; the redirect fallback needs it on, as users have it.
    ignoreDefaultArgs: ["--disable-popup-blocking"],
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // Offline: the emulator's IdP page links stylesheets on the internet; fail those at once.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ],
  });
}

/**
 * A fresh context (own storage) whose pages and frames get gapi-stand-in.js in place of Google's
 * script loader, which the Auth SDK and the emulator's helper iframe need and this machine cannot reach.
 */
export async function newOfflineContext(browser: Browser): Promise<BrowserContext> {
  const standIn = await readFile(new URL("./gapi-stand-in.js", import.meta.url), "utf8");
  const context = await browser.newContext();
  await context.route(/^https:\/\/apis\.google\.com\/js\/api\.js/, (route) =>
    route.fulfill({ contentType: "text/javascript", body: standIn }),
  );
  return context;
}
