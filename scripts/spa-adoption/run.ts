// Proves docs/integrating-the-spa.md on the real SPA (not in CI: it needs a local copy).
//   git clone <the SPA> /work/spa && (cd /work/spa && npm install --ignore-scripts)
//   SPA_DIR=/work/spa node --import tsx scripts/spa-adoption/run.ts
// Applies the guide's listing verbatim to SPA_DIR (which it resets to its committed files first),
// builds it with the SPA's Vite, starts the emulators and drives Chromium through every scenario;
// prints PASS/FAIL per scenario and the glue's line count. Nothing of the SPA enters this repository.
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../dev/chromium.js";
import { prepareSpa } from "./prepare.js";
import { scenarios, type World } from "./scenarios.js";
import { serveSpa } from "./browser.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SPA_PORT = 5173;
const HOSTING = `http://${process.env.FIREBASE_HOSTING_EMULATOR_HOST ?? "127.0.0.1:5000"}`;
const SCENARIO_MS = 120_000;
const START_MS = 480_000;
/** The drive's lines, kept in a file too: the emulator wrapper's relay of its output can drop them. */
const RESULT = () => join(SHOTS, "result.txt");
function report(line: string): void {
  console.log(line);
  appendFileSync(RESULT(), `${line}\n`);
}
const SHOTS = join(tmpdir(), "spa-adoption");

/** What each page showed when a scenario failed, outside this repository (the SPA's pixels). */
async function screenshots(browser: Browser, scenario: number): Promise<void> {
  const pages = browser.contexts().flatMap((context) => context.pages());
  for (const [n, page] of pages.entries())
    await page.screenshot({ path: join(SHOTS, `${scenario}-${n}.png`) }).catch(() => undefined);
  report(`      screenshots: ${SHOTS}/${scenario}-*.png`);
}

async function drive(spaDir: string, glueLines: string): Promise<number> {
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(SHOTS, "drive-started"), "");
  writeFileSync(RESULT(), "");
  const [browser, server] = await Promise.all([launchChromium(), serveSpa(join(spaDir, "dist"), SPA_PORT)]);
  // With no network interface but loopback (a private network namespace) Chromium reports
  // `navigator.onLine` false, and every status badge says offline: no scenario about it could pass.
  const probe = await browser.newPage();
  if (!(await probe.evaluate(() => navigator.onLine)))
    report("WARN  Chromium says it is offline (loopback only?): badges will say offline, not saved.");
  await probe.close();
  const world = { browser, url: `http://127.0.0.1:${SPA_PORT}`, hostingUrl: HOSTING, root };
  let failed = 0;
  try {
    failed = await driveScenarios(world);
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
  report(`glue: ${glueLines} lines`);
  return failed;
}

async function driveScenarios(world: World): Promise<number> {
  const only = process.env.SCENARIOS?.split(",").map(Number);
  let failed = 0;
  for (const [index, [name, scenario]] of scenarios(world).entries()) {
    if (only && !only.includes(index + 1)) continue;
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("over 120 s")), SCENARIO_MS);
    });
    try {
      const note = await Promise.race([scenario(), timeout]);
      report(`PASS  ${index + 1}. ${name}${note ? `: ${note}` : ""} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      report(`FAIL  ${index + 1}. ${name}: ${(error as Error).message.split("\n")[0]}`);
      await screenshots(world.browser, index + 1);
    } finally {
      clearTimeout(timer);
    }
  }
  return failed;
}

/** Whether something listens on a local port (another emulator suite on this machine). */
const listening = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), done(true)));
    socket.once("error", () => done(false));
  });

/** The emulators' ports are fixed (firebase.json): wait for a suite someone else runs to end. */
async function waitForFreeEmulatorPorts(): Promise<void> {
  for (let waited = 0; await listening(4400); waited += 5) {
    if (waited % 60 === 0) console.log("Another emulator suite is running here: waiting for it to end…");
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}

const spaDir = process.env.SPA_DIR && resolve(process.env.SPA_DIR);
if (!spaDir || !existsSync(join(spaDir, "src/store/useChatStore.js"))) {
  console.error("Set SPA_DIR to a local clone of the SPA with `npm install --ignore-scripts` done.");
  process.exit(2);
}
if (process.argv.includes("--drive")) {
  // Exits by itself: the admin SDK's Firestore channel would keep the process (and the emulators) up.
  const failed = await drive(spaDir, process.env.GLUE_LINES ?? "?").catch((error: Error) => {
    console.error(error);
    return 1;
  });
  process.exit(failed ? 1 : 0);
} else {
  const lines = process.env.SKIP_BUILD ? "?" : String(prepareSpa(root, spaDir));
  // Another suite can take the ports between the wait and the start (firebase-tools then hangs):
  // give the drive three minutes to start, else stop that attempt and wait again.
  const started = join(SHOTS, "drive-started");
  rmSync(started, { force: true });
  let status: number | null = 1;
  for (let attempt = 0; attempt < 5 && !existsSync(started); attempt++) {
    await waitForFreeEmulatorPorts();
    const self = `node --import tsx ${JSON.stringify(fileURLToPath(import.meta.url))} --drive`;
    const child = spawn("node", [join(root, "scripts/emulators.mjs"), "exec", self], {
      cwd: root,
      stdio: "inherit",
      detached: true,
      env: { ...process.env, GLUE_LINES: lines },
    });
    const exited = new Promise<number | null>((done) => child.once("exit", done));
    const deadline = Date.now() + START_MS;
    while (!existsSync(started) && Date.now() < deadline && child.exitCode === null)
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    if (!existsSync(started) && child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
    status = await exited;
  }
  if (existsSync(RESULT())) console.log(`\n${readFileSync(RESULT(), "utf8")}`);
  process.exit(status ?? 1);
}
