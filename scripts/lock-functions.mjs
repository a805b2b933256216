#!/usr/bin/env node
// functions/ is an npm workspace here (one install for development), but it deploys on its own and
// Cloud Build installs it from functions/package-lock.json. Workspaces ignore that file, so this
// regenerates it outside the workspace: run after changing functions/package.json dependencies.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const functionsDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "functions");
const scratch = mkdtempSync(join(tmpdir(), "functions-lock-"));
try {
  copyFileSync(join(functionsDir, "package.json"), join(scratch, "package.json"));
  execFileSync("npm", ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund"], {
    cwd: scratch,
    stdio: "inherit",
  });
  copyFileSync(join(scratch, "package-lock.json"), join(functionsDir, "package-lock.json"));
  console.log("Wrote functions/package-lock.json");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
