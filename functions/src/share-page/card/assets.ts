// The card's fonts (Pretendard, OFL-1.1) and emoji artwork (Twemoji, CC-BY 4.0): copied into
// lib/assets by functions/build.mjs for deployment, read from their npm packages in development.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** lib/assets next to the bundle (this file is in lib/ or lib/chunks/), else the packages. */
function assetPath(bundled: string, packageName: string, inPackage: string): string {
  for (const dir of [join(here, "assets"), join(here, "..", "assets")]) {
    if (existsSync(join(dir, bundled))) return join(dir, bundled);
  }
  return join(dirname(require.resolve(`${packageName}/package.json`)), inPackage);
}

export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: "normal";
}

let fonts: Promise<CardFont[]> | undefined;

/** Pretendard Regular and Bold, read once per instance. */
export function loadFonts(): Promise<CardFont[]> {
  fonts ??= Promise.all(
    (["Regular", "Bold"] as const).map(async (weight) => ({
      name: "Pretendard",
      weight: weight === "Bold" ? (700 as const) : (400 as const),
      style: "normal" as const,
      data: await readFile(
        assetPath(
          `fonts/Pretendard-${weight}.otf`,
          "pretendard",
          `dist/public/static/Pretendard-${weight}.otf`,
        ),
      ),
    })),
  );
  return fonts;
}

/**
 * Twemoji's file name for an emoji: its code points in hex joined by "-", without U+FE0F unless
 * the sequence has a zero-width joiner (Twemoji's own naming).
 */
export function twemojiName(emoji: string): string {
  const points = Array.from(emoji, (c) => c.codePointAt(0)!.toString(16));
  return (emoji.includes("\u200d") ? points : points.filter((p) => p !== "fe0f")).join("-");
}

const emojiCache = new Map<string, string | null>();

/** An emoji as a data: URL of its Twemoji SVG, or null when Twemoji has none. */
export async function emojiDataUrl(emoji: string): Promise<string | null> {
  const name = twemojiName(emoji);
  if (emojiCache.has(name)) return emojiCache.get(name) ?? null;
  const file = assetPath(`twemoji/${name}.svg`, "@twemoji/svg", `${name}.svg`);
  const url = existsSync(file)
    ? `data:image/svg+xml;base64,${(await readFile(file)).toString("base64")}`
    : null;
  emojiCache.set(name, url);
  return url;
}
