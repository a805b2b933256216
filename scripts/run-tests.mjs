#!/usr/bin/env node
// `npm test`'s test step, inside the emulator suite: both test groups of vitest.config.ts at once
// (files on the shared test project one after another; every other file alongside them), then the
// rules coverage gate over what both recorded. The isolated group's output is shown as one block
// when it ends, so the two runs' lines never interleave.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const env = { ...process.env, TALKSTUDIO_RULES_COVERAGE: "gate", TALKSTUDIO_RULES_COVERAGE_FRESH: "1" };

// Both runs write coverage into one folder: it is emptied here, once, not by either run.
rmSync(join(root, "reports", "firestore-rules-coverage"), { recursive: true, force: true });

function run(args, { buffered }) {
  return new Promise((done) => {
    const child = spawn(args[0], args.slice(1), {
      cwd: root,
      env,
      stdio: buffered ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    const chunks = [];
    if (buffered) {
      child.stdout.on("data", (c) => chunks.push(c));
      child.stderr.on("data", (c) => chunks.push(c));
    }
    child.on("exit", (code, signal) => {
      if (buffered) process.stdout.write(Buffer.concat(chunks));
      done(code ?? (signal ? 1 : 0));
    });
  });
}

const started = Date.now();
const [shared, isolated] = await Promise.all([
  run([bin("vitest"), "run", "--project", "shared-project"], { buffered: false }),
  run([bin("vitest"), "run", "--project", "isolated"], { buffered: true }),
]);
console.log(`Both test groups took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
if (shared !== 0 || isolated !== 0) process.exit(1);
process.exit(await run([bin("tsx"), "tests/rules-coverage-gate.ts"], { buffered: false }));
