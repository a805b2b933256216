import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  COLLABORATION_LIMITS,
  conversationData as conversationSchema,
  firestoreBytes,
  IMPORT_SOURCES,
  LIMITS,
  MAX_DOCUMENT_BYTES,
  MAX_IMPORT_BATCH,
  PLATFORM_SKINS,
  RATE_LIMITS,
  SHARE_LIMITS,
} from "../../client/src/index.js";
import { conversationData, conversationOfBytes } from "../support/conversation-data.js";

const rules = readFileSync("firestore.rules", "utf8");

/** The body of a rules function: `function name() { return …; }`. */
function rulesFunction(name: string): string {
  const match = new RegExp(`function ${name}\\(\\) \\{([\\s\\S]*?)\\n    \\}`).exec(rules);
  if (!match?.[1]) throw new Error(`firestore.rules has no function ${name}()`);
  return match[1];
}

describe("firestore.rules repeats limits.ts", () => {
  it.each(["conversationLimits", "profileLimits", "collaborationLimits"])(
    "has the same numbers in %s()",
    (name) => {
      const pairs = [...rulesFunction(name).matchAll(/'(\w+)': (\d+)/g)];
      expect(pairs.length).toBeGreaterThan(0);
      const known: Record<string, number> = { ...LIMITS, ...RATE_LIMITS, ...COLLABORATION_LIMITS };
      for (const [, key = "", value] of pairs) {
        if (key === "throttleIdsPerWrite") expect(Number(value)).toBeGreaterThanOrEqual(MAX_IMPORT_BATCH);
        else expect([key, Number(value)]).toEqual([key, known[key]]);
      }
    },
  );
  it("has the same platform skins and import sources", () => {
    const strings = (name: string) => [...rulesFunction(name).matchAll(/'([\w-]+)'/g)].map((m) => m[1]);
    expect(strings("platformSkins")).toEqual([...PLATFORM_SKINS]);
    expect(strings("importSources")).toEqual([...IMPORT_SOURCES]);
  });
});

describe("limits written as numbers, so a bundle can leave their object out", () => {
  it("holds every person's version quotas in versionsPerConversation", () => {
    const { membersPerConversation, versionsPerAuthor, namedVersionsPerPerson } = COLLABORATION_LIMITS;
    expect(COLLABORATION_LIMITS.versionsPerConversation).toBe(
      (membersPerConversation + 1) * (versionsPerAuthor + namedVersionsPerPerson),
    );
  });
  it("gives invites 7 days by default and 30 at most, shares 7 and 90", () => {
    expect(COLLABORATION_LIMITS.inviteDefaultExpiryHours).toBe(7 * 24);
    expect(COLLABORATION_LIMITS.inviteMaxExpiryHours).toBe(30 * 24);
    expect(SHARE_LIMITS.defaultExpiryHours).toBe(7 * 24);
    expect(SHARE_LIMITS.maxExpiryHours).toBe(90 * 24);
  });
});

describe("a conversation is refused only when its document would not fit", () => {
  it("counts bytes as Firestore does: strings UTF-8 + 1, numbers 8, field names + 1", () => {
    expect(firestoreBytes("가")).toBe(4);
    expect(firestoreBytes({ a: "가", n: 1, b: true, list: [null, 2.5] })).toBe(
      2 + 4 + 2 + 8 + 2 + 1 + 5 + 1 + 8,
    );
  });

  it("accepts MAX_DOCUMENT_BYTES and refuses one byte more, saying what to do", () => {
    expect(conversationSchema.safeParse(conversationOfBytes(MAX_DOCUMENT_BYTES)).success).toBe(true);
    const parsed = conversationSchema.safeParse(conversationOfBytes(MAX_DOCUMENT_BYTES + 1));
    expect(parsed.error?.issues.map((i) => i.message)).toEqual([
      expect.stringContaining("split it into two projects"),
    ]);
    expect(MAX_DOCUMENT_BYTES).toBeLessThan(1024 * 1024);
  });

  it("lets the message count bound stay above what the SPA's editor can fill", () => {
    const editorMessage = {
      id: `msg-${Date.now()}`,
      role: "me" as const,
      authorId: "me",
      text: "",
      datetime: "2024-12-10 오후 12:30",
    };
    const data = conversationData(0);
    data.conversation.messages = Array.from({ length: LIMITS.messages }, () => editorMessage);
    expect(conversationSchema.safeParse(data).success).toBe(true);
    expect(firestoreBytes(data)).toBeLessThan(MAX_DOCUMENT_BYTES);
  });
});
