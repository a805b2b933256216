import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  conversationData,
  IMPORT_SOURCES,
  jsonBytes,
  LIMITS,
  MAX_DOCUMENT_BYTES,
  MAX_IMPORT_BATCH,
  PLATFORM_SKINS,
  RATE_LIMITS,
  type ConversationData,
} from "../../client/src/index.js";

const rules = readFileSync("firestore.rules", "utf8");

/** The body of a rules function: `function name() { return …; }`. */
function rulesFunction(name: string): string {
  const match = new RegExp(`function ${name}\\(\\) \\{([\\s\\S]*?)\\n    \\}`).exec(rules);
  if (!match?.[1]) throw new Error(`firestore.rules has no function ${name}()`);
  return match[1];
}

describe("firestore.rules repeats limits.ts", () => {
  it.each(["conversationLimits", "profileLimits"])("has the same numbers in %s()", (name) => {
    const pairs = [...rulesFunction(name).matchAll(/'(\w+)': (\d+)/g)];
    expect(pairs.length).toBeGreaterThan(1);
    const known: Record<string, number> = { ...LIMITS, ...RATE_LIMITS };
    for (const [, key = "", value] of pairs) {
      if (key === "throttleIdsPerWrite") expect(Number(value)).toBeGreaterThanOrEqual(MAX_IMPORT_BATCH);
      else expect([key, Number(value)]).toEqual([key, known[key]]);
    }
  });
  it("has the same platform skins and import sources", () => {
    const strings = (name: string) => [...rulesFunction(name).matchAll(/'([\w-]+)'/g)].map((m) => m[1]);
    expect(strings("platformSkins")).toEqual([...PLATFORM_SKINS]);
    expect(strings("importSources")).toEqual([...IMPORT_SOURCES]);
  });
});

describe("the limits keep a document under Firestore's 1 MiB", () => {
  const korean = (n: number) => "가".repeat(n);
  const id = (i: number) => `${i}`.padStart(LIMITS.idChars, "x");
  const perMessage = Math.floor(LIMITS.conversationTextChars / LIMITS.messages);
  const themeBase = { id: id(0), name: korean(LIMITS.titleChars), fill: "" };
  const themeFill = korean(Math.floor((LIMITS.themeJsonBytes - jsonBytes(themeBase)) / 3));
  const worst: ConversationData = {
    title: korean(LIMITS.titleChars),
    conversation: {
      platformSkin: "kakao",
      title: korean(LIMITS.titleChars),
      unreadCount: LIMITS.unreadCount,
      authors: Array.from({ length: LIMITS.authors }, (_, i) => ({
        id: id(i),
        name: korean(LIMITS.authorNameChars),
        avatarUrl: `https://x.example/${"a".repeat(LIMITS.urlChars - 18)}`,
      })),
      messages: Array.from({ length: LIMITS.messages }, (_, i) => ({
        id: id(i),
        role: "other" as const,
        authorId: id(i % LIMITS.authors),
        text: korean(perMessage),
        datetime: korean(LIMITS.datetimeChars),
      })),
    },
    theme: { ...themeBase, fill: themeFill },
    statusBar: { time: korean(LIMITS.datetimeChars), battery: 100, isWifi: true },
  };

  it("accepts the worst case the limits allow, Korean everywhere, and it fits", () => {
    expect(conversationData.safeParse(worst).success).toBe(true);
    expect(jsonBytes(worst)).toBeLessThan(MAX_DOCUMENT_BYTES);
    expect(MAX_DOCUMENT_BYTES).toBeLessThan(1024 * 1024);
  });
  it("refuses one character more of text in total", () => {
    const [first, ...rest] = worst.conversation.messages;
    const longer = {
      ...worst,
      conversation: { ...worst.conversation, messages: [{ ...first!, text: `${first!.text}가가` }, ...rest] },
    };
    const parsed = conversationData.safeParse(longer);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["conversation.messages"]);
  });
});
