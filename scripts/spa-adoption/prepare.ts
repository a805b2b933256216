// Puts the guide's glue into a disposable SPA checkout and builds it with the SPA's own Vite: the
// SPA's files back as committed, @talkstudio/client installed from this repository's `npm pack`
// with firebase (the guide's install step), the listing applied verbatim, then `vite build`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyParts, glueLineCount, listingOf, partsOf } from "./listing.js";

/** The emulator suite's web config (the guide's `.env.local`). */
export const EMULATOR_ENV = {
  VITE_FIREBASE_CONFIG: JSON.stringify({
    projectId: "demo-talkstudio",
    apiKey: "demo-api-key",
    authDomain: "demo-talkstudio.firebaseapp.com",
  }),
  VITE_FIREBASE_EMULATORS: "1",
};

const run = (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) =>
  execFileSync(command, args, { cwd, env, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });

/** The glue's line count, once the SPA at `spaDir` is built into `spaDir/dist`. */
export function prepareSpa(root: string, spaDir: string): number {
  // Only the SPA's committed files plus what the guide adds: a second run starts clean.
  run("git", ["checkout", "--", "src", "package.json", "package-lock.json"], spaDir);
  rmSync(join(spaDir, "src", "cloud"), { recursive: true, force: true });

  const packed = mkdtempSync(join(tmpdir(), "talkstudio-pack-"));
  run("npm", ["pack", "--silent", "--pack-destination", packed], join(root, "client"));
  const [tarball] = readdirSync(packed).filter((name) => name.endsWith(".tgz"));
  if (!tarball) throw new Error("npm pack wrote no tarball.");
  const firebase = (
    JSON.parse(readFileSync(join(root, "node_modules/firebase/package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  run(
    "npm",
    [
      "install",
      "--no-save",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      join(packed, tarball),
      `firebase@${firebase}`,
    ],
    spaDir,
  );

  const listing = listingOf(readFileSync(join(root, "docs", "integrating-the-spa.md"), "utf8"));
  applyParts(spaDir, partsOf(listing));
  run("npx", ["vite", "build", "--logLevel", "warn"], spaDir, { ...process.env, ...EMULATOR_ENV });
  rmSync(packed, { recursive: true, force: true });
  return glueLineCount(listing);
}
