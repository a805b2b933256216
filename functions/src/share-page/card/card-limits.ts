// What the renderer (satori + resvg) is ever given, and how long and how big it may get. Text is cut
// before layout to lines we break ourselves, so every box's height is known before satori runs: the
// card is filled only with bubbles that fit, and the download image stops at a pixel budget.

/** The preview card, 1200 × 630. */
export const CARD_LIMITS = {
  /** Bubbles considered; fewer are drawn when their lines would not fit. */
  messages: 4,
  /** Lines of text in one bubble (the last ends in "…" when the text was longer). */
  linesPerBubble: 2,
  /** Characters kept of a message before it is broken into lines. */
  charsPerBubble: 120,
} as const;

/** The download image: 780 px wide, as tall as its messages up to the pixel budget. */
export const IMAGE_LIMITS = {
  /** Messages considered (the rest are counted in the last line, "… N개의 메시지 더"). */
  messages: 200,
  /** Lines of text in one bubble. */
  linesPerBubble: 40,
  /**
   * Height of the whole image in px: 780 × 10,000 = 7.8 Mpx. The worker peaks at about 300 MB on the
   * worst input (npm run bench), beside the function's own ~150 MB in its 512 MiB.
   */
  maxHeight: 10_000,
} as const;

/** Code points kept in one grapheme: the longest emoji sequences have 10, a longer run is stacked marks. */
export const GRAPHEME_CODE_POINTS = 10;

/** The render worker (a child process): killed past these, its job answered as failed. */
export const WORKER_LIMITS = {
  /** V8 heap of the child (`--max-old-space-size`); resvg's native memory is bounded by IMAGE_LIMITS. */
  heapMb: 192,
  cardTimeoutMs: 10_000,
  imageTimeoutMs: 20_000,
} as const;
