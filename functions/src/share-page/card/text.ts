// Text cut to lines before layout. satori wraps text itself and draws whatever does not fit past
// its box (lineClamp does nothing in a flex bubble), so the renderer never gets long text to wrap:
// we break it into at most `lines` lines of a width we can bound, and end a cut text with "…".
import { GRAPHEME_CODE_POINTS } from "./card-limits.js";

export interface TextBounds {
  /** Lines at most. */
  lines: number;
  /** Graphemes kept before breaking. */
  chars: number;
  /** A line's width in em of the font size (each grapheme counted at its widest, see `widthOf`). */
  widthEm: number;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const ELLIPSIS = "…";

/**
 * A grapheme's advance in em, from Pretendard's metrics: Hangul syllables and jamo count 0.87 em, a
 * space 0.25 em, most other ASCII stays under 0.62 em (a few capitals and symbols reach 0.92), and
 * anything else (kana, emoji, symbols) is counted as a full em. The rare line wider than this is
 * clipped by its bubble, never drawn past it.
 */
const widthOf = (grapheme: string) =>
  grapheme === " "
    ? 0.25
    : /^[\x21-\x7e]$/.test(grapheme)
      ? 0.62
      : /^[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]/.test(grapheme)
        ? 0.87
        : 1;

/** A line's width in em as the lines are bounded: each grapheme at its widest. */
export const widthEm = (line: string) =>
  Array.from(segmenter.segment(line), ({ segment }) => widthOf(segment)).reduce((sum, w) => sum + w, 0);

/** Line breaks of every kind as "\n", tabs as a space, other control characters dropped. */
function normalized(text: string): string {
  return (
    text
      .replace(/\r\n?|[\v\f\x85\u2028\u2029]/g, "\n")
      .replace(/\t/g, " ")
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/g, "")
  );
}

/** The text as at most `bounds.lines` lines, each at most `bounds.widthEm` wide; "…" ends a cut text. */
export function textLines(text: string, bounds: TextBounds): string[] {
  const graphemes = Array.from(segmenter.segment(normalized(text)), ({ segment }) =>
    Array.from(segment).slice(0, GRAPHEME_CODE_POINTS).join(""),
  );
  let cut = graphemes.length > bounds.chars;
  const lines: string[][] = [[]];
  let width = 0;
  for (const grapheme of graphemes.slice(0, bounds.chars)) {
    if (lines.length > bounds.lines) break;
    let line = lines.at(-1)!;
    if (grapheme === "\n") {
      lines.push([]);
      width = 0;
      continue;
    }
    const advance = widthOf(grapheme);
    if (width + advance > bounds.widthEm && line.length > 0) {
      // A space that overflows is the break; else break after the line's last space, or in the word.
      const space = grapheme === " " ? -1 : line.lastIndexOf(" ");
      line = space >= 0 ? line.splice(space).slice(1) : [];
      lines.push(line);
      width = line.reduce((sum, g) => sum + widthOf(g), 0);
      if (grapheme === " ") continue;
    }
    line.push(grapheme);
    width += advance;
  }
  if (lines.length > bounds.lines) {
    lines.length = bounds.lines;
    cut = true;
  }
  if (cut) {
    const last = lines.at(-1)!;
    while (last.length > 0 && last.reduce((sum, g) => sum + widthOf(g), 0) + 1 > bounds.widthEm) last.pop();
    while (last.at(-1) === " ") last.pop();
    last.push(ELLIPSIS);
  }
  return lines.map((line) => line.join(""));
}
