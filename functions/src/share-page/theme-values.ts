// Theme values made safe: every value in a stored theme is data from a user, so a colour is kept
// only when it parses as a CSS colour, a background only as a colour or a linear gradient of
// colours, an image only as a well-formed https URL, a number only inside its range.
const NAMED_COLOURS = new Set([
  "transparent",
  "white",
  "black",
  "red",
  "green",
  "blue",
  "yellow",
  "gray",
  "grey",
]);
const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const NUMBER = String.raw`\s*-?(?:\d+(?:\.\d+)?|\.\d+)(?:%|deg)?\s*`;
const FUNCTIONAL = new RegExp(String.raw`^(?:rgba?|hsla?)\(${NUMBER}(?:[,\s/]${NUMBER}){2,3}\)$`, "i");

/** A CSS colour, or undefined: hex, rgb()/hsl() with plain numbers, or a few names. */
export function cssColour(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 64) return undefined;
  const v = value.trim();
  return HEX.test(v) || FUNCTIONAL.test(v) || NAMED_COLOURS.has(v.toLowerCase()) ? v : undefined;
}

/** `linear-gradient(<angle>?, <colour> <stop>?, …)`: every part checked, nothing else allowed. */
function linearGradient(value: string): string | undefined {
  const inner = /^linear-gradient\((.*)\)$/i.exec(value.trim())?.[1];
  if (inner === undefined || value.length > 256) return undefined;
  // Split on commas outside parentheses (rgba(…) has its own).
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of inner) {
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (depth < 0) return undefined;
    if (char === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += char;
  }
  parts.push(current.trim());
  const [first, ...rest] = parts;
  const stops = /^-?\d+(?:\.\d+)?deg$|^to (?:top|bottom|left|right)(?: (?:top|bottom|left|right))?$/i.test(
    first ?? "",
  )
    ? rest
    : parts;
  if (stops.length < 2) return undefined;
  const clean = stops.map((stop) => {
    const match = /^(.*?)(\s+\d+(?:\.\d+)?%)?$/.exec(stop);
    const colour = cssColour(match?.[1]);
    return colour === undefined ? undefined : `${colour}${match?.[2] ?? ""}`;
  });
  if (clean.some((c) => c === undefined)) return undefined;
  return `linear-gradient(${stops === rest ? `${first}, ` : ""}${clean.join(", ")})`;
}

export function cssBackground(value: unknown): string | undefined {
  return cssColour(value) ?? (typeof value === "string" ? linearGradient(value) : undefined);
}

/** An image the page may load: https, parseable, of sane length; its parsed form. */
export function httpsImageUrl(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 2048) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.username === "" && url.password === "" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function clampedNumber(value: unknown, min: number, max: number): number | undefined {
  return typeof value === "number" && Number.isFinite(value)
    ? Math.min(max, Math.max(min, value))
    : undefined;
}
