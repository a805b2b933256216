#!/usr/bin/env node
// `npm test`'s steps inside the emulator suite, in two lanes at once: the files on the shared test
// project one after another (the suite's critical path), and beside them a worker of each callable
// started (scripts/warm-callables.ts), the static checks (lint, formatting, types) and every other
// test file; then the rules coverage gate over what both test groups recorded. The second lane's
// output is shown as one block when it ends, so the two lanes' lines never interleave.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const env = { ...process.env, TALKSTUDIO_RULES_COVERAGE: "gate", TALKSTUDIO_RULES_COVERAGE_FRESH: "1" };

// Both runs write coverage into one folder: it is emptied here, once, not by either run.
rmSync(join(root, "reports", "firestore-rules-coverage"), { recursive: true, force: true });

/** Runs one command; `output` collects its lines instead of showing them. Resolves to its exit code. */
function run(args, output) {
  return new Promise((done) => {
    const child = spawn(args[0], args.slice(1), {
      cwd: root,
      env,
      stdio: output ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    child.stdout?.on("data", (c) => output.push(c));
    child.stderr?.on("data", (c) => output.push(c));
    child.on("exit", (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** Runs the commands one after another, all of them even after a failure; shows their output at the end. */
async function lane(commands) {
  const output = [];
  const codes = [];
  for (const args of commands) codes.push(await run(args, output));
  process.stdout.write(Buffer.concat(output));
  return codes.every((code) => code === 0) ? 0 : 1;
}

const started = Date.now();
const results = await Promise.all([
  run([bin("vitest"), "run", "--project", "shared-project"]),
  lane([
    [bin("tsx"), "scripts/warm-callables.ts"],
    ["npm", "run", "lint"],
    ["npm", "run", "format:check"],
    ["npm", "run", "typecheck"],
    [bin("vitest"), "run", "--project", "isolated"],
  ]),
]);
console.log(`Both lanes took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
if (results.some((code) => code !== 0)) process.exit(1);
process.exit(await run([bin("tsx"), "tests/rules-coverage-gate.ts"]));
