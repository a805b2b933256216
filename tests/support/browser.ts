// The browser tests' Chromium (dev/chromium.ts) and their offline stand-ins.
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext } from "playwright-core";

export { chromiumMissing, launchChromium } from "../../dev/chromium.js";

/**
 * A fresh context (own storage) whose pages and frames get gapi-stand-in.js in place of Google's
 * script loader, which the Auth SDK and the emulator's helper iframe need and this machine cannot reach.
 */
export async function newOfflineContext(browser: Browser): Promise<BrowserContext> {
  const standIn = await readFile(new URL("../../dev/gapi-stand-in.js", import.meta.url), "utf8");
  const context = await browser.newContext();
  await context.route(/^https:\/\/apis\.google\.com\/js\/api\.js/, (route) =>
    route.fulfill({ contentType: "text/javascript", body: standIn }),
  );
  return context;
}
