// The card and download renderers against hostile text: what once made resvg panic (and abort the
// whole function) must render a PNG in the worker, and a worker that fails in any way costs one job.
import fc from "fast-check";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { ConversationData, TextMessage } from "../../client/src/index.js";
import { IMAGE_LIMITS } from "../../functions/src/share-page/card/card-limits.js";
import { createRendererPool, RenderFailed, rendererPool } from "../../functions/src/share-page/card/pool.js";
import { keptRenders } from "../../functions/src/share-page/card/kept.js";
import { textLines } from "../../functions/src/share-page/card/text.js";
import { conversationData } from "../support/conversation-data.js";

const size = (png: Buffer) => ({
  png: png.subarray(1, 4).toString(),
  width: png.readUInt32BE(16),
  height: png.readUInt32BE(20),
});

/** A conversation whose text messages say `texts`, in turns. */
function withTexts(texts: readonly string[]): ConversationData {
  const data = conversationData(texts.length + 1);
  const messages = data.conversation.messages.filter((m): m is TextMessage => !("type" in m));
  messages.forEach((m, i) => (m.text = texts[i % texts.length]!));
  return { ...data, conversation: { ...data.conversation, messages } };
}

const pool = rendererPool();
afterAll(() => pool.close());

describe("textLines", () => {
  it("keeps at most the lines asked for, ending a cut text with an ellipsis", () => {
    const bounds = { lines: 2, chars: 120, widthEm: 10 };
    expect(textLines("가".repeat(1000), bounds)).toEqual(["가".repeat(11), `${"가".repeat(10)}…`]);
    expect(textLines("\n".repeat(200), bounds)).toEqual(["", "…"]);
    expect(textLines("hello world this is a long sentence", bounds)).toEqual([
      "hello world this",
      "is a long…",
    ]);
    expect(textLines("짧다", bounds)).toEqual(["짧다"]);
    expect(textLines("a\r\nb\u2028c", { ...bounds, lines: 3 })).toEqual(["a", "b", "c"]);
    expect(textLines("x".repeat(200), { lines: 40, chars: 120, widthEm: 10 }).join("")).toBe(
      `${"x".repeat(120)}…`,
    );
  });
});

describe("the card renderer, in its worker", () => {
  // The audit's inputs (issue 18): each aborted shareCard with a resvg panic.
  const crashes = {
    "two messages of 1000 Hangul characters": ["가".repeat(1000), "힣".repeat(1000)],
    "four of 400 characters of Korean prose": Array(4).fill(
      "오늘 저녁에 뭐 먹을까? 치킨 어때요 ".repeat(20).slice(0, 400),
    ),
    "four of 200 line breaks": Array(4).fill(`${"\n".repeat(200)}끝`),
  };

  it.each(Object.entries(crashes))("renders %s as the conversation's card", async (_, texts) => {
    const generic = await pool.render({ kind: "generic" }, 30_000);
    const worker = pool.pid();
    const card = await pool.render({ kind: "card", data: withTexts(texts) }, 30_000);
    expect(size(card)).toEqual({ png: "PNG", width: 1200, height: 630 });
    expect(card.equals(generic)).toBe(false);
    expect(pool.pid()).toBe(worker); // the worker survived: the text was bounded, not the crash caught
  });

  const piece = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 300 }),
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.constantFrom("가", "a", "W", " ", "\n", "\r\n", "\u2028", "\t", "\u0000", "\u0301"),
    fc.constantFrom("😀", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇰🇷", "1️⃣", "👍🏽", "🧑🏻‍❤️‍💋‍🧑🏼"),
    fc.constantFrom("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"),
    fc.constantFrom("\u202e", "\u202d", "\u2067", "\u200f", "مرحبا بالعالم", "שלום עולם"),
    fc.constantFrom("https://example.com/" + "a".repeat(300), "漢字", "﷽", "㎯", "a" + "\u0301".repeat(40)),
  );
  const text = fc
    .tuple(fc.array(fc.tuple(piece, fc.integer({ min: 1, max: 200 })), { minLength: 1, maxLength: 6 }))
    .map(([parts]) =>
      parts
        .map(([p, times]) => p.repeat(Math.min(times, Math.ceil(1000 / Math.max(1, p.length)))))
        .join("")
        .slice(0, 1000),
    );

  it("draws a PNG for any text, and the worker lives on", async () => {
    const worker = (await pool.render({ kind: "generic" }, 30_000)) && pool.pid();
    await fc.assert(
      fc.asyncProperty(
        fc.array(text, { minLength: 1, maxLength: 6 }),
        fc.string({ maxLength: 100 }),
        async (texts, title) => {
          const card = await pool.render({ kind: "card", data: { ...withTexts(texts), title } }, 30_000);
          expect(size(card)).toEqual({ png: "PNG", width: 1200, height: 630 });
        },
      ),
      { numRuns: 40 },
    );
    expect(pool.pid()).toBe(worker);
    expect(process.kill(worker!, 0)).toBe(true);
  }, 300_000);

  it("bounds the download image: ten messages of 999 line breaks, or any text", async () => {
    const worst = await pool.render(
      { kind: "image", data: withTexts(Array(10).fill(`${"\n".repeat(999)}끝`)) },
      60_000,
    );
    expect(size(worst).width).toBe(780);
    expect(size(worst).height).toBeLessThanOrEqual(IMAGE_LIMITS.maxHeight);
    const worker = pool.pid();
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 30 }), async (texts) => {
        const image = await pool.render({ kind: "image", data: withTexts(texts) }, 60_000);
        expect(size(image).png).toBe("PNG");
        expect(size(image).height).toBeLessThanOrEqual(IMAGE_LIMITS.maxHeight);
      }),
      { numRuns: 8 },
    );
    expect(pool.pid()).toBe(worker);
  }, 300_000);
});

describe("a failing worker", () => {
  const failing = createRendererPool({
    worker: {
      path: fileURLToPath(new URL("../fixtures/render-worker/failing-worker.mjs", import.meta.url)),
      execArgv: [],
    },
    heapMb: 32,
  });
  afterAll(() => failing.close());
  const job = (title: string) => ({ kind: "card" as const, data: { ...conversationData(1), title } });

  it.each(["abort", "hang", "heap"])(
    "costs one worker and one job when it fails by %s",
    async (how) => {
      expect(await failing.render(job("fine"), 5_000)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      const before = failing.pid();
      await expect(failing.render(job(how), 2_000)).rejects.toBeInstanceOf(RenderFailed);
      expect(await failing.render(job("fine"), 5_000)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      expect(failing.pid()).not.toBe(before);
    },
    30_000,
  );
});

describe("keptRenders", () => {
  it("renders a key once, however many ask at once, and forgets a rejected render", async () => {
    const kept = keptRenders<string>(2);
    let renders = 0;
    const render = () => Promise.resolve(`png ${++renders}`);
    expect(await Promise.all([kept("a:1", render), kept("a:1", render)])).toEqual(["png 1", "png 1"]);
    await expect(kept("b:1", () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(await kept("b:1", render)).toBe("png 2");
    await kept("c:1", render);
    expect(await kept("a:1", render)).toBe("png 4"); // the oldest went first
  });
});
