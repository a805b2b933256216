// The element trees satori lays out: plain objects shaped as React elements compile to.
import { textLines } from "./text.js";

export interface Node {
  type: string;
  props: Record<string, unknown> & { style?: Record<string, unknown>; children?: unknown };
}

export const el = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({
  type,
  props: { style: { display: "flex", boxSizing: "border-box", ...style }, children },
});

/** satori takes a colour or a gradient as different properties. */
export const paint = (value: string) =>
  value.startsWith("linear-gradient") ? { backgroundImage: value } : { backgroundColor: value };

/** One line of text of `px` size across `widthPx`, as textLines bounds it. */
export const oneLine = (text: string, px: number, widthPx: number) =>
  textLines(text, { lines: 1, chars: 200, widthEm: widthPx / px })[0]!;

/** A single line that never wraps: what does not fit is clipped by its box. */
export const line = (text: string, style: Record<string, unknown>) =>
  el("div", { whiteSpace: "pre", overflow: "hidden", flexShrink: 0, ...style }, text || " ");

/** A list of children without the ones left out. */
export const kids = (...nodes: (Node | null | false | undefined | "")[]) =>
  nodes.filter((n): n is Node => Boolean(n));
