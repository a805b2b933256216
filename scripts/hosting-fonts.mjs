#!/usr/bin/env node
// Pretendard for the share page, served by Hosting: the variable font's dynamic subsets (92 woff2
// files split by how often each character is used, so a page downloads only the few it needs) and
// their @font-face rules, copied from the `pretendard` npm package into hosting/public/fonts/ (not
// committed). The directory carries the package's version, so an upgrade is a new URL and the files
// can be cached for a year (firebase.json). Run by scripts/emulators.mjs and before a deploy.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The path the share page (FONT_CSS in functions/src/share-page/html.ts) and the demo page link. */
const PRETENDARD_CSS = "/fonts/pretendard-1.3.9/pretendard.css";

export function copyHostingFonts() {
  const pkgJson = createRequire(import.meta.url).resolve("pretendard/package.json");
  const { version } = JSON.parse(readFileSync(pkgJson, "utf8"));
  if (!PRETENDARD_CSS.includes(`pretendard-${version}/`))
    throw new Error(
      `pretendard is ${version}: update PRETENDARD_CSS here, FONT_CSS in functions/src/share-page/html.ts and hosting/public/index.html.`,
    );
  const source = join(dirname(pkgJson), "dist", "web", "variable");
  const fonts = join(root, "hosting", "public", "fonts");
  const out = join(fonts, `pretendard-${version}`);
  rmSync(fonts, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const subsets = join(source, "woff2-dynamic-subset");
  for (const file of readdirSync(subsets)) copyFileSync(join(subsets, file), join(out, file));
  // Same rules, files beside the CSS; the licence comment stays at its top.
  const css = readFileSync(join(source, "pretendardvariable-dynamic-subset.css"), "utf8").replaceAll(
    "./woff2-dynamic-subset/",
    "./",
  );
  writeFileSync(join(out, "pretendard.css"), css);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) copyHostingFonts();
