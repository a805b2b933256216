// Sends a migration's projects to the importConversations callable: one request per
// MAX_IMPORT_REQUEST_BYTES of projects (one or two for a whole LocalStorage), written server-side in bulk.
import { callFunction } from "../call-function.js";
import { toTalkStudioError, type TalkStudioError } from "../talkstudio-error.js";
import type { TalkStudio } from "../firebase.js";
import {
  importConversationsContract,
  jsonBytes,
  MAX_IMPORT_REQUEST_BYTES,
  type ImportItem,
} from "../schema/index.js";
import { inParallel, type ReadyImport } from "./write-imports.js";

/** What happened to one conversation: written, there already, past the budget, or the request failed. */
export type CallableOutcome =
  | { readonly outcome: "imported" }
  | { readonly outcome: "already-imported" }
  | { readonly outcome: "over-budget" }
  | { readonly outcome: "failed"; readonly error: TalkStudioError };

const itemOf = ({ conversationId, data, origin }: ReadyImport): ImportItem => ({
  id: conversationId,
  source: origin.importedFrom,
  data,
  projectCreatedAt: origin.projectCreatedAt.getTime(),
  projectUpdatedAt: origin.projectUpdatedAt.getTime(),
});

/** Consecutive requests of at most MAX_IMPORT_REQUEST_BYTES (each item's JSON plus its comma). */
function requestsOf(items: readonly ImportItem[]): ImportItem[][] {
  const requests: ImportItem[][] = [];
  let bytes = 0;
  for (const item of items) {
    const size = jsonBytes(item) + 1;
    const last = requests.at(-1);
    if (last && bytes + size <= MAX_IMPORT_REQUEST_BYTES) {
      last.push(item);
      bytes += size;
    } else {
      requests.push([item]);
      bytes = size;
    }
  }
  return requests;
}

/**
 * Imports `writes` through the callable, two requests in flight; calls `onRequestDone` with each
 * conversation's outcome as its request answers.
 */
export async function importThroughFunction(
  ts: TalkStudio,
  writes: readonly ReadyImport[],
  onRequestDone: (outcomes: ReadonlyMap<string, CallableOutcome>) => void,
): Promise<void> {
  await inParallel(requestsOf(writes.map(itemOf)), 2, async (items) => {
    const outcomes = new Map<string, CallableOutcome>();
    try {
      const answer = await callFunction(ts, importConversationsContract, { items });
      for (const id of answer.imported) outcomes.set(id, { outcome: "imported" });
      for (const id of answer.alreadyImported) outcomes.set(id, { outcome: "already-imported" });
      for (const id of answer.overBudget) outcomes.set(id, { outcome: "over-budget" });
    } catch (error) {
      const typed = toTalkStudioError(error);
      for (const item of items) outcomes.set(item.id, { outcome: "failed", error: typed });
    }
    onRequestDone(outcomes);
  });
}
