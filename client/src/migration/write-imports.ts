// Writes imported conversations in batches, several batches in flight at once.
import { increment, serverTimestamp, writeBatch } from "firebase/firestore";
import { toTalkStudioError, type TalkStudioError } from "../talkstudio-error.js";
import { summaryForCreate, type ImportOrigin } from "../conversations/records.js";
import { contentRecord } from "../schema/conversation-records.js";
import { contentRef, summaryRef, throttleRef } from "../conversations/refs.js";
import type { TalkStudio } from "../firebase.js";
import type { ConversationData } from "../schema/index.js";

/**
 * Conversations per batch. Production rules allow 20 document reads (get/getAfter) per batched write
 * and each imported conversation costs 3 (summary → content and import budget, content → summary).
 */
export const MAX_IMPORT_BATCH = 6;

export interface ReadyImport {
  readonly conversationId: string;
  readonly data: ConversationData;
  readonly origin: ImportOrigin;
}

async function commitBatch(ts: TalkStudio, uid: string, items: readonly ReadyImport[]): Promise<void> {
  const batch = writeBatch(ts.db);
  for (const { conversationId, data, origin } of items) {
    batch.set(summaryRef(ts, uid, conversationId), summaryForCreate(data, origin));
    batch.set(contentRef(ts, uid, conversationId), contentRecord(data, 1));
  }
  // The import budget: the rules check this write credits exactly these ids.
  batch.set(
    throttleRef(ts, uid, "conversationImports"),
    { count: increment(items.length), ids: items.map((i) => i.conversationId), updatedAt: serverTimestamp() },
    { merge: true },
  );
  await batch.commit();
}

/**
 * Commits one batch; if it is refused, retries its conversations one by one so a single bad one
 * cannot sink the others. Reports each conversation's outcome (null = written).
 */
export async function importBatch(
  ts: TalkStudio,
  uid: string,
  items: readonly ReadyImport[],
): Promise<(TalkStudioError | null)[]> {
  try {
    await commitBatch(ts, uid, items);
    return items.map(() => null);
  } catch (error) {
    if (items.length === 1) return [toTalkStudioError(error)];
  }
  const outcomes: (TalkStudioError | null)[] = [];
  for (const item of items) outcomes.push(...(await importBatch(ts, uid, [item])));
  return outcomes;
}

/** Runs `work` over `tasks` with at most `width` at a time; the first error stops new tasks starting. */
export async function inParallel<T>(tasks: readonly T[], width: number, work: (task: T) => Promise<void>) {
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < tasks.length) {
      const task = tasks[next++] as T;
      try {
        await work(task);
      } catch (error) {
        stopped = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
}
