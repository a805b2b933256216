import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AVATAR_TYPES, EXPORT_TYPES, STORAGE_LIMITS } from "../../client/src/index.js";

// storage.rules cannot import: its numbers and types are compared with limits.ts here, so the two
// cannot drift apart (the Storage emulator, which would test the rules themselves, cannot run offline).
const rules = readFileSync("storage.rules", "utf8");
const block = (path: string) => {
  const start = rules.indexOf(`match /${path}`);
  if (start < 0) throw new Error(`storage.rules has no match /${path}`);
  return rules.slice(start, rules.indexOf("\n    }", start));
};

describe("storage.rules repeats limits.ts", () => {
  it("has the same byte limits", () => {
    const pairs = Object.fromEntries(
      [...rules.matchAll(/'(\w+Bytes)': (\d+)/g)].map(([, key = "", value]) => [key, Number(value)]),
    );
    expect(pairs).toEqual({
      avatarBytes: STORAGE_LIMITS.avatarBytes,
      exportBytes: STORAGE_LIMITS.exportBytes,
    });
  });

  it.each([
    ["avatars/{uid}/{file}", AVATAR_TYPES],
    ["exports/{uid}/{day}/{conversationId}/{file}", EXPORT_TYPES],
  ] as const)("accepts exactly the content types and extensions of %s", (path, types) => {
    const rule = block(path);
    const contentTypes = /contentType\.matches\('image\/\(([a-z|]+)\)'\)/.exec(rule)?.[1]?.split("|");
    const extensions = /\[\.\]\(([a-z|]+)\)'/.exec(rule)?.[1]?.split("|");
    expect(contentTypes?.map((t) => `image/${t}`).sort()).toEqual(Object.keys(types).sort());
    expect(extensions?.sort()).toEqual([...new Set(Object.values(types))].sort());
  });
});
