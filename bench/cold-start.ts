// Cold start: importing the functions bundle in a fresh Node process, against importing only the
// Firebase modules it uses (firebase-functions and firebase-admin), the floor any function pays.
// The card renderer is a lazy chunk: it must not be in what every function imports.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./share-view.js";

const functionsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "functions");
const SAMPLES = 9;

const FIREBASE_MODULES = [
  "firebase-functions",
  "firebase-functions/params",
  "firebase-functions/v1",
  "firebase-functions/v2",
  "firebase-functions/v2/firestore",
  "firebase-functions/v2/https",
  "firebase-functions/v2/scheduler",
  "firebase-admin/app",
  "firebase-admin/auth",
  "firebase-admin/firestore",
];

const run = promisify(execFile);

/** Milliseconds a fresh process spends importing `specifiers`, measured inside it. */
async function importMs(specifiers: string[]): Promise<number> {
  const script = `const t = performance.now(); await Promise.all(${JSON.stringify(specifiers)}.map((s) => import(s))); process.stdout.write(String(performance.now() - t));`;
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], {
    cwd: functionsDir,
  });
  return Number(stdout);
}

/** Asynchronous, so the benchmark's open connections to the emulators stay served meanwhile. */
export async function benchColdStart() {
  const bundle: number[] = [];
  const bare: number[] = [];
  await importMs(["./lib/index.js"]); // the disk cache warm for both
  for (let i = 0; i < SAMPLES; i++) {
    bundle.push(await importMs(["./lib/index.js"]));
    bare.push(await importMs(FIREBASE_MODULES));
  }
  const bundleMs = median(bundle);
  const bareMs = median(bare);
  return { bundleMs, bareMs, ratio: bundleMs / bareMs };
}
