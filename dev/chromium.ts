// Debian's Chromium driven by playwright-core, for the browser tests and benches. Never
// `npx playwright install`: there is no internet here, and the system browser is the one to use.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

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
