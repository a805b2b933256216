// The theme's free keys against what Firestore can store (client/src/schema/firestore-value.ts).
import { describe, expect, it } from "vitest";
import { conversationData as conversationSchema, issuesOf } from "../../client/src/index.js";
import { conversationData } from "../support/conversation-data.js";

const withTheme = (extra: Record<string, unknown>) => {
  const data = conversationData(2);
  return { ...data, theme: { ...data.theme, ...extra } };
};
const nested = (depth: number) => Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: inner }), 1);

describe("a theme Firestore cannot store", () => {
  it.each([
    ["a reserved key", { __x__: 1 }, 'has the reserved key "__x__"'],
    ["__name__", { __name__: "x" }, 'has the reserved key "__name__"'],
    ["an empty key", { "": 1 }, "has an empty key"],
    ["an over-long key", { ["k".repeat(1501)]: 1 }, "has a key longer than 1500 bytes"],
    ["an array in an array", { grid: [[1]] }, "has an array directly inside an array"],
    ["deep nesting", { deep: nested(20) }, "nests deeper than 20 levels"],
  ])("refuses %s, saying why", (_, extra, why) => {
    const parsed = conversationSchema.safeParse(withTheme(extra));
    expect(parsed.success).toBe(false);
    expect(parsed.error && issuesOf(parsed.error)).toContainEqual({
      path: "theme",
      message: `a theme cannot be stored: it ${why}`,
    });
  });

  it("keeps what Firestore stores: dotted, slashed and underscored keys, nesting within 20 levels", () => {
    const fine = withTheme({ "a.b": 1, "x/y": [1, { z: [2] }], _private_: 1, __half: 1, deep: nested(17) });
    expect(conversationSchema.safeParse(fine).success).toBe(true);
  });
});
