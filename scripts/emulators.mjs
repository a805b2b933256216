#!/usr/bin/env node
// The emulator bootstrap behind `npm start` and `npm test`.
//   node scripts/emulators.mjs start          emulator suite + seed data, until Ctrl-C
//   node scripts/emulators.mjs exec "<cmd>"   emulator suite around one command (tests, benchmarks)
// It finds a Firestore emulator that works offline, checks Java, builds the functions bundle and
// runs firebase-tools from node_modules. Every failure is one sentence, never a stack trace.
import { spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
} from "node:fs";
import { homedir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeLauncherJar } from "./lib/launcher-jar.mjs";
import { copyHostingFonts } from "./hosting-fonts.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PROJECT = process.env.TALKSTUDIO_PROJECT ?? "demo-talkstudio";
const GCLOUD_JAR_RELATIVE = "platform/cloud-firestore-emulator/cloud-firestore-emulator.jar";
const DEBIAN_GCLOUD_ROOT = "/usr/lib/google-cloud-sdk";
const MIN_JAVA = 11;
const FIREBASE_CACHE = join(homedir(), ".cache", "firebase", "emulators");

class BootstrapError extends Error {}

function fail(message) {
  throw new BootstrapError(message);
}

/** Path of a gcloud SDK root, or null: asks `gcloud` only when the standard Debian path is absent. */
function gcloudSdkRoot() {
  if (existsSync(join(DEBIAN_GCLOUD_ROOT, GCLOUD_JAR_RELATIVE))) return DEBIAN_GCLOUD_ROOT;
  const out = spawnSync("gcloud", ["info", "--format=value(installation.sdk_root)"], {
    encoding: "utf8",
    timeout: 20_000,
  });
  if (out.status !== 0 || !out.stdout.trim()) return null;
  return out.stdout.trim();
}

/**
 * Which Firestore emulator to run, in order: $FIRESTORE_EMULATOR_JAR, a gcloud SDK component,
 * else firebase-tools' own download (needs internet once). Returns a description for the log.
 */
function prepareFirestoreEmulator(env) {
  let jar = env.FIRESTORE_EMULATOR_JAR;
  let source = "FIRESTORE_EMULATOR_JAR";
  if (jar) {
    jar = resolve(jar);
    if (!existsSync(jar)) fail(`FIRESTORE_EMULATOR_JAR points at ${jar}, which does not exist.`);
  } else {
    const sdk = gcloudSdkRoot();
    const candidate = sdk && join(sdk, GCLOUD_JAR_RELATIVE);
    if (candidate && existsSync(candidate)) {
      jar = candidate;
      source = "gcloud SDK component";
    }
  }
  if (!jar) return "firebase-tools' own download (needs internet the first time)";
  // The component JAR has no Main-Class, so `java -jar` (what firebase-tools runs) needs a launcher.
  const launcher = join(root, ".cache", "emulators", "firestore-launcher.jar");
  writeLauncherJar(launcher, jar, "com.google.cloud.datastore.emulator.firestore.CloudFirestore");
  env.FIRESTORE_EMULATOR_BINARY_PATH = launcher;
  return `${jar} (${source})`;
}

function checkJava() {
  const out = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (out.error || out.status !== 0) {
    fail(
      "Java is not installed, and the Firestore emulator needs it: on Debian/Ubuntu run `sudo apt-get install -y default-jre-headless`, elsewhere install a JDK 11 or newer (https://adoptium.net).",
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(out.stderr);
  const major = match ? (match[1] === "1" ? Number(match[2]) : Number(match[1])) : 0;
  if (major < MIN_JAVA) {
    fail(
      `Java ${major || "of unknown version"} is too old for the Firestore emulator: install Java 11 or newer.`,
    );
  }
}

function firebaseBin() {
  const bin = join(root, "node_modules", ".bin", "firebase");
  if (!existsSync(bin))
    fail("firebase-tools is not installed: run `npm ci` (or `npm install`) in the repository root first.");
  return bin;
}

function buildFunctions() {
  const out = spawnSync("npm", ["run", "--silent", "build", "-w", "functions"], {
    cwd: root,
    stdio: "inherit",
  });
  if (out.status !== 0) fail("Building the functions bundle failed (see the esbuild output above).");
}

/** The demo page at the Hosting root: hosting/demo/main.tsx (React) bundled for the browser. */
async function buildDemo() {
  const { build } = await import("esbuild");
  await build({
    entryPoints: [join(root, "hosting", "demo", "main.tsx")],
    outfile: join(root, "hosting", "public", "demo.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    jsx: "automatic",
    // React picks its production build by this; a browser has no `process`.
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  }).catch(() => fail("Building the demo page failed (see the esbuild output above)."));
  // The page uses the components' own stylesheet, as an app importing it would.
  copyFileSync(
    join(root, "client", "src", "react-ui", "styles.css"),
    join(root, "hosting", "public", "react-ui.css"),
  );
}

/** Storage and the UI need files firebase-tools downloads; offline they exist only if cached earlier. */
function cached(prefix) {
  return existsSync(FIREBASE_CACHE) && readdirSync(FIREBASE_CACHE).some((f) => f.startsWith(prefix));
}

function emulatorList() {
  const only = ["auth", "firestore", "functions", "hosting"];
  if (process.env.TALKSTUDIO_STORAGE_EMULATOR === "1" || cached("cloud-storage-rules-runtime")) {
    only.push("storage");
  } else {
    console.log(
      "Storage emulator off: it needs cloud-storage-rules-runtime, which firebase-tools downloads on first use (run `npx firebase setup:emulators:storage` once online). Storage tests will skip.",
    );
  }
  return only;
}

/**
 * Where the emulators' output (the functions' log lines among it) is written, for tests that check
 * what is logged and for the cost benchmark; `TALKSTUDIO_EMULATOR_LOG` tells them.
 */
const EMULATOR_LOG = join(root, ".cache", "emulators", "emulators.log");
const LOG_TAIL_LINES = 60;
const TAIL_CHARS = 64 * 1024;

/**
 * emulators:exec runs the command with the emulators' own stdout and stderr, so to keep thousands
 * of emulator lines out of the test output the command writes to two named pipes that are copied
 * to the terminal, and everything else on the child's streams goes to the log only.
 */
function commandPipes() {
  const dir = join(root, ".cache", "emulators");
  const paths = { out: join(dir, "command.stdout"), err: join(dir, "command.stderr") };
  const copies = [];
  for (const [name, path] of Object.entries(paths)) {
    rmSync(path, { force: true });
    if (spawnSync("mkfifo", [path]).status !== 0) fail(`Could not create the named pipe ${path} (mkfifo).`);
    const stream = createReadStream(path);
    stream.pipe(name === "out" ? process.stdout : process.stderr, { end: false });
    // A pipe opens once the command starts; until then there is nothing to wait for.
    let opened = false;
    const closed = new Promise((done) => stream.on("close", done));
    stream.on("open", () => (opened = true));
    copies.push(() => (opened ? closed : undefined));
  }
  /**
   * Resolves once the command's output is copied, so its last lines come before ours; a few
   * seconds at most, in case something the command started still holds a pipe open.
   */
  const drained = () =>
    Promise.race([Promise.all(copies.map((copy) => copy())), new Promise((done) => setTimeout(done, 5_000))]);
  return { ...paths, drained };
}

/**
 * `quiet`: the emulators' output goes to the log only, and on failure its last lines are printed
 * (kept in memory: the log stream may still be writing); `drained`: what to wait for before exiting.
 */
function run(args, env, { quiet, drained }) {
  return new Promise((resolveExit) => {
    mkdirSync(dirname(EMULATOR_LOG), { recursive: true });
    const log = createWriteStream(EMULATOR_LOG);
    const logName = relative(process.cwd(), EMULATOR_LOG);
    if (quiet) console.log(`Emulator output: ${logName}`);
    let tail = "";
    const record = (chunk) => {
      log.write(chunk);
      tail = (tail + chunk).slice(-TAIL_CHARS);
    };
    const child = spawn(firebaseBin(), args, {
      cwd: root,
      env: { ...env, TALKSTUDIO_EMULATOR_LOG: EMULATOR_LOG },
      stdio: ["inherit", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk) => (quiet || process.stdout.write(chunk), record(chunk)));
    child.stderr.on("data", (chunk) => (quiet || process.stderr.write(chunk), record(chunk)));
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", async (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      await drained?.();
      if (quiet && status !== 0) {
        const lines = tail.trimEnd().split("\n").slice(-LOG_TAIL_LINES);
        console.error(`\nThe emulators' last ${lines.length} lines (all of them in ${logName}):`);
        console.error(lines.join("\n"));
      }
      resolveExit(status);
    });
  });
}

async function main() {
  const [mode, command] = process.argv.slice(2);
  if (mode !== "start" && !(mode === "exec" && command)) {
    fail('Usage: node scripts/emulators.mjs start | exec "<command>"');
  }
  const env = {
    FIREBASE_CLI_DISABLE_UPDATE_CHECK: "true",
    // firebase-tools gives the functions bundle 10 s to load; on a busy 2-core machine it took
    // longer once, and then every call of the run failed. A minute bounds it still.
    FUNCTIONS_DISCOVERY_TIMEOUT: "60",
    ...process.env,
  };
  firebaseBin();
  checkJava();
  console.log(`Firestore emulator: ${prepareFirestoreEmulator(env)}`);
  buildFunctions();
  await buildDemo();
  copyHostingFonts();
  const only = emulatorList().join(",");
  if (mode === "exec") {
    const pipes = commandPipes();
    const piped = `(${command}) >${JSON.stringify(pipes.out)} 2>${JSON.stringify(pipes.err)}`;
    return run(["emulators:exec", "--project", PROJECT, "--only", only, piped], env, {
      quiet: true,
      drained: pipes.drained,
    });
  }
  const ui = cached("ui-v");
  if (!ui) {
    console.log(
      "Emulator UI off: its bundle is downloaded on first use and this machine has not got it (run `npx firebase setup:emulators:ui` once online).",
    );
  }
  // emulators:exec keeps the suite up while the seed script runs and then serves until Ctrl-C.
  const seedAndServe = `node --import tsx ${JSON.stringify(join(root, "scripts", "seed", "seed.ts"))} --serve`;
  const args = ["emulators:exec", "--project", PROJECT, "--only", only, seedAndServe];
  if (ui) args.splice(1, 0, "--ui");
  return run(args, env, { quiet: false });
}

main().then(
  (code) => process.exit(code ?? 0),
  (error) => {
    if (error instanceof BootstrapError) {
      console.error(`\n✖ ${error.message}`);
      process.exit(2);
    }
    throw error;
  },
);
