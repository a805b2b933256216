// The glue listing of docs/integrating-the-spa.md, read from the markdown and applied to an SPA
// checkout exactly as written. The listing is one ```jsx block after the marker comment; lines of
// the form `// ── <path> … ──` start a part. A part is either a whole new file (`// ── path ──`,
// anything after the path in parentheses), lines to insert after the first line containing a
// text (`// ── path: after the line with `text` ──`) or a line to replace
// (`// ── path: `text` becomes ──`).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export const LISTING_MARKER = "<!-- spa-adoption: the glue listing -->";

export interface Part {
  readonly path: string;
  readonly kind: "file" | "after" | "replace";
  /** The text that finds the line, for "after" and "replace". */
  readonly anchor?: string;
  readonly lines: string[];
}

const HEADER = /^\/\/ ── (\S+?)(?::? (.*))? ──$/;

/** The listing's lines, from the guide's markdown. */
export function listingOf(markdown: string): string[] {
  const start = markdown.indexOf(LISTING_MARKER);
  if (start < 0) throw new Error(`The guide has no "${LISTING_MARKER}".`);
  const open = markdown.indexOf("```jsx\n", start);
  const close = markdown.indexOf("\n```", open + 7);
  if (open < 0 || close < 0) throw new Error("No ```jsx block after the listing marker.");
  return markdown.slice(open + 7, close).split("\n");
}

/** The listing cut into its parts. */
export function partsOf(listing: string[]): Part[] {
  const parts: { path: string; kind: Part["kind"]; anchor?: string; lines: string[] }[] = [];
  for (const line of listing) {
    const header = HEADER.exec(line);
    if (!header) {
      if (parts.length === 0) throw new Error(`The listing starts without a part header: ${line}`);
      parts.at(-1)!.lines.push(line);
      continue;
    }
    const [, path = "", rest = ""] = header;
    const after = /^after the line with `(.+)`$/.exec(rest);
    const replace = /^`(.+)` becomes$/.exec(rest);
    if (after) parts.push({ path, kind: "after", anchor: after[1]!, lines: [] });
    else if (replace) parts.push({ path, kind: "replace", anchor: replace[1]!, lines: [] });
    else parts.push({ path, kind: "file", lines: [] });
  }
  return parts;
}

/** Lines that are code: not blank and not a part header (the count the guide states). */
export const glueLineCount = (listing: string[]): number =>
  listing.filter((line) => line.trim() !== "" && !HEADER.test(line)).length;

/** Writes every part into the checkout at `spaDir`; an anchor that is not found is an error. */
export function applyParts(spaDir: string, parts: Part[]): void {
  for (const part of parts) {
    const file = join(spaDir, part.path);
    if (part.kind === "file") {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${part.lines.join("\n").trimEnd()}\n`);
      continue;
    }
    const lines = readFileSync(file, "utf8").split("\n");
    const at = lines.findIndex((line) => line.includes(part.anchor!));
    if (at < 0) throw new Error(`${part.path} has no line with \`${part.anchor}\`.`);
    lines.splice(part.kind === "after" ? at + 1 : at, part.kind === "after" ? 0 : 1, ...part.lines);
    writeFileSync(file, lines.join("\n"));
  }
}
