// The importConversations callable: a migration's projects sent in one or two requests and written
// server-side in bulk (docs/conversations.md, "Migration").
import * as z from "zod/mini";
import { conversationData, importSource, jsonBytes } from "./conversation.js";
import { firestoreId } from "./ids.js";
import { LIMITS } from "./limits.js";

/**
 * JSON bytes of one request's projects. A callable takes 10 MB at most; LocalStorage's 5 MB (UTF-16)
 * can be more as UTF-8 JSON, so the client splits at this and a migration is one or a few requests.
 */
export const MAX_IMPORT_REQUEST_BYTES = 4_000_000;

const epochMs = z.int().check(z.minimum(0));

export const importItem = z.strictObject({
  id: firestoreId,
  source: importSource,
  data: conversationData,
  /** The project's own times (ms since the epoch); the server clamps them to its clock. */
  projectCreatedAt: epochMs,
  projectUpdatedAt: epochMs,
});
export type ImportItem = z.infer<typeof importItem>;

export const importConversationsInput = z.strictObject({
  items: z.array(importItem).check(
    z.minLength(1),
    z.maxLength(LIMITS.importedConversationsPerUser),
    z.refine((items) => new Set(items.map((i) => i.id)).size === items.length, "ids must be distinct"),
    z.refine(
      (items) => jsonBytes(items) <= MAX_IMPORT_REQUEST_BYTES,
      `at most ${MAX_IMPORT_REQUEST_BYTES} bytes of projects per request`,
    ),
  ),
});
export type ImportConversationsInput = z.infer<typeof importConversationsInput>;

/** Every id sent lands in exactly one list. */
export const importConversationsOutput = z.object({
  imported: z.array(z.string()),
  /** There already (an earlier or concurrent run): never overwritten. */
  alreadyImported: z.array(z.string()),
  /** Past the lifetime import budget (LIMITS.importedConversationsPerUser). */
  overBudget: z.array(z.string()),
});
export type ImportConversationsOutput = z.infer<typeof importConversationsOutput>;
