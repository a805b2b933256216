// Puts the guide's glue into a disposable SPA checkout and builds it with the SPA's own Vite: the
// SPA's files back as committed, @talkstudio/client installed from this repository's `npm pack`
// with firebase (the guide's install step), the listing applied verbatim, then `vite build`: once
// as production builds it (App Check's site key set, checked to land in the cloud chunk only) and
// once for the emulators, the build the scenarios drive.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
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

/** The guide's `.env.production`, with stand-in values: only built, never run. */
const PRODUCTION_ENV = {
  VITE_FIREBASE_CONFIG: JSON.stringify({
    apiKey: "adoption-api-key",
    authDomain: "talkstudio-prod.firebaseapp.com",
    projectId: "talkstudio-prod",
    appId: "adoption-app-id",
  }),
  VITE_RECAPTCHA_SITE_KEY: "adoption-recaptcha-site-key",
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
  checkProductionBuild(spaDir);
  run("npx", ["vite", "build", "--logLevel", "warn"], spaDir, { ...process.env, ...EMULATOR_ENV });
  rmSync(packed, { recursive: true, force: true });
  return glueLineCount(listing);
}

/**
 * The production build (seconds): its App Check import builds, and the site key, which only the
 * `appCheck` option uses, is in a chunk fetched on demand, never in the main one.
 */
function checkProductionBuild(spaDir: string): void {
  const out = mkdtempSync(join(tmpdir(), "talkstudio-spa-production-"));
  const env: NodeJS.ProcessEnv = { ...process.env, ...PRODUCTION_ENV };
  delete env.VITE_FIREBASE_EMULATORS;
  let main: string | undefined, withKey: string[];
  try {
    run("npx", ["vite", "build", "--logLevel", "error", "--outDir", out, "--emptyOutDir"], spaDir, env);
    main = /<script[^>]* src="\/([^"]+\.js)"/.exec(readFileSync(join(out, "index.html"), "utf8"))?.[1];
    if (!main || !existsSync(join(out, main))) throw new Error("The production build has no main script.");
    withKey = readdirSync(join(out, "assets")).filter(
      (name) =>
        name.endsWith(".js") &&
        readFileSync(join(out, "assets", name), "utf8").includes(PRODUCTION_ENV.VITE_RECAPTCHA_SITE_KEY),
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  if (withKey.length === 0 || withKey.some((name) => `assets/${name}` === main))
    throw new Error(`App Check's site key: in ${withKey.join(", ") || "no chunk"} of the production build.`);
  console.log(`Production build: App Check's site key in ${withKey.join(", ")}, not in the main chunk.`);
}
