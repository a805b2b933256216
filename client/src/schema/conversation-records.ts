// The documents of a new conversation as both sides write them: the client (create, import) with
// serverTimestamp, the functions (copy of a share) with the Admin SDK's Timestamp.
import { conversationData, summaryFields, type ConversationData } from "./conversation.js";
import { LIMITS } from "./limits.js";

/** The summary document of a new conversation; an import or a copy adds its own fields after. */
export function newSummaryRecord<Time>(data: ConversationData, now: Time) {
  return {
    ...summaryFields(data),
    revision: 1,
    createdAt: now,
    updatedAt: now,
    projectCreatedAt: now,
    projectUpdatedAt: now,
  };
}

export const contentRecord = (data: ConversationData, revision: number) => ({ ...data, revision });

/**
 * Fields of a content document that are not the conversation's data (`members`:
 * docs/collaboration.md; `writes`, `lastWriteBy` and `savedBy`: the ids of recent saves and who
 * made the last, conversations/write.ts).
 */
const NOT_DATA: ReadonlySet<string> = new Set(["revision", "members", "writes", "lastWriteBy", "savedBy"]);

/** A content document as its revision and the fields the conversation's schema checks. */
export function splitContentRecord(raw: Record<string, unknown>): {
  revision: unknown;
  rest: Record<string, unknown>;
} {
  return {
    revision: raw.revision,
    rest: Object.fromEntries(Object.entries(raw).filter(([key]) => !NOT_DATA.has(key))),
  };
}

/** A content document back as its data and revision, or null when it does not fit the schema. */
export function parseContentRecord(
  raw: Record<string, unknown>,
): { data: ConversationData; revision: number } | null {
  const { revision, rest } = splitContentRecord(raw);
  const parsed = conversationData.safeParse(rest);
  return parsed.success && typeof revision === "number" ? { data: parsed.data, revision } : null;
}

/** The save ids a saver's `lastWriteBy` entry holds; an older document holds one id as a string. */
export function idsInEntry(entry: unknown): string[] {
  if (typeof entry === "string") return [entry];
  if (typeof entry !== "object" || entry === null) return [];
  return Object.values(entry).filter((id): id is string => typeof id === "string");
}

/**
 * The entry cannot take one more tab: `tab` is not in it and it holds LIMITS.tabsPerSaver already
 * (or is not a map of tabs at all: an older document's string). Rules: validWrites.
 */
export function tabsFull(entry: unknown, tab: string): boolean {
  if (typeof entry !== "object" || entry === null) return entry !== undefined;
  return !(tab in entry) && Object.keys(entry).length >= LIMITS.tabsPerSaver;
}
