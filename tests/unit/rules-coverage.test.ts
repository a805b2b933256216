// The streaming reader of the emulator's rules coverage report (the gate's input), on a synthetic
// report cut into chunks at every awkward place.
import { describe, expect, it } from "vitest";
import { readRulesCoverage, unevaluatedRules } from "../support/rules-coverage.js";

const node = (from: number, line: number, values: unknown[] | null, children: unknown[] = []) => ({
  sourcePosition: { line, column: 5, currentOffset: from, endOffset: from + 3 },
  ...(values ? { values } : {}),
  children,
});

const report = JSON.stringify(
  {
    rules: { files: [{ content: 'allow read: if "sourcePosition" == x;' }] },
    report: [
      node(
        10,
        1,
        [{ value: { stringValue: '"sourcePosition":{"line":9' + "가".repeat(5000) }, count: 1 }],
        [node(20, 2, null), node(30, 3, [{ value: { boolValue: true }, count: 2 }])],
      ),
      node(40, 4, null),
    ],
  },
  null,
  2,
);

function streamOf(text: string, chunkBytes: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, (at += chunkBytes)));
    },
  });
}

describe("readRulesCoverage", () => {
  it.each([1, 7, 100, 4096, 1 << 20])(
    "finds every expression and whether it ran, in chunks of %i bytes",
    async (size) => {
      const expressions = await readRulesCoverage(streamOf(report, size));
      expect(Object.fromEntries([...expressions].map(([key, e]) => [key, [e.line, e.evaluated]]))).toEqual({
        "10-13": [1, true],
        "20-23": [2, false],
        "30-33": [3, true],
        "40-43": [4, false],
      });
    },
  );
});

describe("unevaluatedRules", () => {
  const expression = (line: number, evaluated: boolean) => ({ line, column: 1, evaluated });

  it("names what never ran, excusing only the leftmost part of an expression that did", () => {
    const merged = new Map([
      ["0-20", expression(1, true)], // getAfter(path).data
      ["0-8", expression(1, false)], // getAfter: a name, never given values
      ["12-20", expression(1, false)], // a right-hand side that never ran
      ["30-40", expression(2, false)], // a whole expression that never ran
      ["30-35", expression(2, false)],
    ]);
    expect(unevaluatedRules(merged)).toEqual({
      total: 5,
      missing: ["firestore.rules:1:1", "firestore.rules:2:1"],
    });
  });

  it("refuses to pass a run that recorded nothing", () => {
    expect(() => unevaluatedRules(new Map())).toThrow(/no test file recorded/);
  });
});
