// The two documents of a conversation as Firestore stores them, both ways: what a write sends, and
// how a read turns them back into the API's types. Create, save and import all build through here.
import { serverTimestamp, Timestamp, type DocumentData } from "firebase/firestore";
import * as z from "zod/mini";
import {
  conversationData,
  importSource,
  platformSkin,
  summaryFields,
  type ConversationData,
  type ConversationSummary,
  type ImportSource,
  type StoredConversation,
} from "../schema/index.js";
import { newSummaryRecord, splitContentRecord } from "../schema/conversation-records.js";

/** A LocalStorage project's own times and key, kept by an import. */
export interface ImportOrigin {
  readonly importedFrom: ImportSource;
  readonly projectCreatedAt: Date;
  readonly projectUpdatedAt: Date;
}

export function summaryForCreate(data: ConversationData, origin?: ImportOrigin): DocumentData {
  const summary = newSummaryRecord(data, serverTimestamp());
  if (!origin) return summary;
  return {
    ...summary,
    projectCreatedAt: Timestamp.fromDate(origin.projectCreatedAt),
    projectUpdatedAt: Timestamp.fromDate(origin.projectUpdatedAt),
    importedFrom: origin.importedFrom,
  };
}

/** The fields a save changes (an update: createdAt, projectCreatedAt and importedFrom stay). */
export function summaryForSave(data: ConversationData, revision: number): DocumentData {
  const now = serverTimestamp();
  return { ...summaryFields(data), revision, updatedAt: now, projectUpdatedAt: now };
}

const timestamp = z.instanceof(Timestamp);

const storedSummary = z.object({
  title: z.string(),
  platformSkin,
  themeId: z.string(),
  messageCount: z.number(),
  preview: z.string(),
  revision: z.number(),
  createdAt: timestamp,
  updatedAt: timestamp,
  projectCreatedAt: timestamp,
  projectUpdatedAt: timestamp,
  importedFrom: z.optional(importSource),
  copiedFromShare: z.optional(z.string()),
});

export function readSummary(id: string, data: DocumentData): ConversationSummary {
  const s = storedSummary.parse(data);
  return {
    id,
    ...s,
    createdAt: s.createdAt.toDate(),
    updatedAt: s.updatedAt.toDate(),
    projectCreatedAt: s.projectCreatedAt.toDate(),
    projectUpdatedAt: s.projectUpdatedAt.toDate(),
    importedFrom: s.importedFrom ?? null,
    copiedFromShare: s.copiedFromShare ?? null,
  };
}

export function readContent(data: DocumentData): { revision: number; data: ConversationData } {
  const { revision, rest } = splitContentRecord(data);
  return { revision: z.number().parse(revision), data: conversationData.parse(rest) };
}

export function joinConversation(
  summary: ConversationSummary,
  content: ConversationData,
): StoredConversation {
  const { title, conversation, theme, statusBar } = content;
  return { ...summary, title, conversation, theme, statusBar };
}
