// A migration's projects written in bulk with the admin SDK. The client's own batches are held to
// six conversations each by the rules' document-access budget and pay the rules engine for every
// one; here the same schema has already checked every project (the callable's contract), so what
// the rules would check is done once per request: ownership (the caller's own path), no overwrite
// (create preconditions), the lifetime import budget (one transaction) and the times.
import { FieldValue, Timestamp, type Firestore, type WriteBatch } from "firebase-admin/firestore";
import { isAlreadyExists } from "../common/errors.js";
import { contentRef, summaryRef } from "../conversations/conversation-documents.js";
import { consumeRateLimit } from "../rate-limit/rate-limiter.js";
import { RATE_LIMIT_RULES } from "../rate-limit/rules.js";
import {
  firestoreBytes,
  firestorePaths,
  LIMITS,
  summaryFields,
  type ImportConversationsOutput,
  type ImportItem,
} from "../schema.js";

/** A batch holds 500 writes (two per conversation) and a commit request 10 MiB. */
const CONVERSATIONS_PER_BATCH = 250;
const BATCH_BYTES = 8_000_000;

/** Splits items into batches within both of Firestore's commit limits. */
function batchesOf(items: readonly ImportItem[]): ImportItem[][] {
  const batches: ImportItem[][] = [];
  let current: ImportItem[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = firestoreBytes(item.data);
    if (current.length > 0 && (current.length >= CONVERSATIONS_PER_BATCH || bytes + size > BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The rules' time checks, as a clamp: projectCreatedAt <= projectUpdatedAt <= now. */
function projectTimes(item: ImportItem, now: Date) {
  const updated = Math.min(item.projectUpdatedAt, now.getTime());
  const created = Math.min(item.projectCreatedAt, updated);
  return { projectCreatedAt: Timestamp.fromMillis(created), projectUpdatedAt: Timestamp.fromMillis(updated) };
}

function addCreate(batch: WriteBatch, db: Firestore, uid: string, item: ImportItem, now: Date) {
  const stamp = Timestamp.fromDate(now);
  batch.create(summaryRef(db, uid, item.id), {
    ...summaryFields(item.data),
    revision: 1,
    createdAt: stamp,
    updatedAt: stamp,
    ...projectTimes(item, now),
    importedFrom: item.source,
  });
  batch.create(contentRef(db, uid, item.id), { ...item.data, revision: 1 });
}

/** Takes what is left of the lifetime budget for `items`, in one transaction; returns what fits. */
async function spendBudget(db: Firestore, uid: string, items: readonly ImportItem[], now: Date) {
  const ref = db.doc(firestorePaths.throttle(uid, "conversationImports"));
  return db.runTransaction(async (tx) => {
    const spent: unknown = (await tx.get(ref)).get("count");
    const count = typeof spent === "number" ? spent : 0;
    const granted = items.slice(0, Math.max(0, LIMITS.importedConversationsPerUser - count));
    if (granted.length > 0) {
      // The same fields the client's rules-checked imports write, so either path can follow the other.
      const ids = granted.map((i) => i.id);
      tx.set(ref, { count: count + granted.length, ids, updatedAt: Timestamp.fromDate(now) });
    }
    return granted;
  });
}

async function refund(db: Firestore, uid: string, n: number) {
  if (n === 0) return;
  const ref = db.doc(firestorePaths.throttle(uid, "conversationImports"));
  await ref.update({ count: FieldValue.increment(-n) });
}

interface Outcome {
  written: string[];
  /** There already: never overwritten. */
  taken: string[];
  /** Any other refusal: our bug once the schema has checked the items, reported after the refund. */
  failures: unknown[];
}

/**
 * Commits a batch; refused, it retries one conversation at a time so a taken id sinks only itself.
 * Never rejects: what was not written is in `taken` or `failures`.
 */
async function write(db: Firestore, uid: string, items: readonly ImportItem[], now: Date): Promise<Outcome> {
  try {
    const batch = db.batch();
    for (const item of items) addCreate(batch, db, uid, item, now);
    await batch.commit();
    return { written: items.map((i) => i.id), taken: [], failures: [] };
  } catch (error) {
    if (items.length > 1) return merged(await Promise.all(items.map((item) => write(db, uid, [item], now))));
    if (isAlreadyExists(error)) return { written: [], taken: [items[0]?.id ?? ""], failures: [] };
    return { written: [], taken: [], failures: [error] };
  }
}

const merged = (outcomes: readonly Outcome[]): Outcome => ({
  written: outcomes.flatMap((o) => o.written),
  taken: outcomes.flatMap((o) => o.taken),
  failures: outcomes.flatMap((o) => o.failures),
});

/**
 * Imports `items` (schema-checked) as `uid`'s conversations: what exists is left alone, what is
 * past the import budget is not written, the rest is written in as few commits as Firestore allows.
 * The client sends only what its existence query did not find, so existence is left to the create
 * preconditions (a taken id costs a retry, not a read of every summary); budget spent on any item
 * not written is refunded, a failed write's too (the schema refuses what Firestore would, so that
 * is our bug: it is rethrown after the refund).
 */
export async function importConversations(
  db: Firestore,
  uid: string,
  items: readonly ImportItem[],
  now: Date,
): Promise<ImportConversationsOutput> {
  await consumeRateLimit(db, RATE_LIMIT_RULES.importRequestsPerUser, uid, now);
  const granted = await spendBudget(db, uid, items, now);
  const outcome = merged(await Promise.all(batchesOf(granted).map((batch) => write(db, uid, batch, now))));
  // Every granted item not written gives its budget back, whatever stopped it.
  await refund(db, uid, granted.length - outcome.written.length);
  if (outcome.failures.length > 0) throw outcome.failures[0];
  return {
    imported: outcome.written,
    alreadyImported: outcome.taken,
    overBudget: items.slice(granted.length).map((i) => i.id),
  };
}
