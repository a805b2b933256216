// Version history (docs/collaboration.md): functions write every version, members read them. Kept
// here rather than by clients so history holds only states the conversation really had, a member
// cannot fill it, and the text a co-editor's save replaces lands in it without trusting that client.
import { Timestamp, type DocumentData, type Firestore, type Transaction } from "firebase-admin/firestore";
import { DomainError, isAlreadyExists } from "../common/errors.js";
import {
  accessOf,
  COLLABORATION_LIMITS,
  contentRecord,
  firestorePaths,
  parseContentRecord,
  summaryFields,
  parseVersionSnapshot,
  versionIdOf,
  versionSnapshotRecord,
  type ConversationData,
  type VersionDocument,
  type VersionKind,
} from "../schema.js";

export interface VersionDeps {
  db: Firestore;
  now: () => Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const WINDOW_MS = COLLABORATION_LIMITS.autoVersionEveryMinutes * 60 * 1000;

const versionRefs = (db: Firestore, ownerUid: string, id: string, revision: number) => ({
  row: db.doc(firestorePaths.version(ownerUid, id, versionIdOf(revision))),
  snapshot: db.doc(firestorePaths.versionSnapshot(ownerUid, id, versionIdOf(revision))),
});

function versionRow(
  data: ConversationData,
  revision: number,
  kind: VersionKind,
  name: string | null,
  createdBy: string | null,
  now: Date,
): VersionDocument<Timestamp> {
  const { title, messageCount } = summaryFields(data);
  return {
    revision,
    kind,
    name,
    title,
    messageCount,
    createdAt: Timestamp.fromDate(now),
    createdBy,
    expiresAt: Timestamp.fromMillis(now.getTime() + COLLABORATION_LIMITS.versionKeepDays * DAY_MS),
  };
}

/** Writes a version of `revision` in the transaction unless that revision is kept already. */
async function keepInTransaction(
  tx: Transaction,
  deps: VersionDeps,
  ownerUid: string,
  id: string,
  content: { data: ConversationData; revision: number },
  kind: VersionKind,
  name: string | null,
  createdBy: string | null,
): Promise<void> {
  const refs = versionRefs(deps.db, ownerUid, id, content.revision);
  const existing = await tx.get(refs.row);
  if (existing.exists) {
    // A revision kept automatically (or as overwritten text) first can be named afterwards.
    if (name !== null) tx.update(refs.row, { name, kind: "named", createdBy });
    return;
  }
  const row = versionRow(content.data, content.revision, kind, name, createdBy, deps.now());
  tx.create(refs.row, row);
  tx.create(refs.snapshot, versionSnapshotRecord(content.data, row.expiresAt));
}

/** Deletes the oldest versions beyond the per-conversation cap (each with its copy). */
export async function pruneVersions(db: Firestore, ownerUid: string, id: string): Promise<number> {
  const versions = db.collection(firestorePaths.versions(ownerUid, id));
  const count = (await versions.count().get()).data().count;
  const extra = count - COLLABORATION_LIMITS.versionsPerConversation;
  if (extra <= 0) return 0;
  const oldest = await versions.orderBy("createdAt").limit(extra).get();
  const batch = db.batch();
  for (const row of oldest.docs) {
    batch.delete(row.ref.collection("snapshot").doc("current"));
    batch.delete(row.ref);
  }
  await batch.commit();
  return oldest.size;
}

/** The caller's access, checked to be the owner's or an editor's; reads the summary in `tx`. */
async function editorSummary(
  tx: Transaction,
  db: Firestore,
  ownerUid: string,
  id: string,
  uid: string,
): Promise<DocumentData> {
  const summary = (await tx.get(db.doc(firestorePaths.conversation(ownerUid, id)))).data();
  const access = summary ? accessOf(summary, ownerUid, uid) : null;
  // A stranger learns nothing about whether the conversation exists.
  if (!summary || access === null) {
    throw new DomainError("not-found", "conversation-not-found", "No such conversation.");
  }
  if (access === "viewer") {
    throw new DomainError("permission-denied", "not-an-editor", "Viewers cannot change history.");
  }
  return summary;
}

async function currentContent(tx: Transaction, db: Firestore, ownerUid: string, id: string) {
  const raw = (await tx.get(db.doc(firestorePaths.content(ownerUid, id)))).data();
  const content = raw ? parseContentRecord(raw) : null;
  if (!content)
    throw new DomainError("failed-precondition", "conversation-invalid", "Unreadable conversation.");
  return content;
}

export interface SaveVersionInput {
  ownerUid: string;
  conversationId: string;
  name?: string | undefined;
  revision?: number | undefined;
  kind?: "named" | "overwritten" | undefined;
}

/** Keeps the current revision (named, or as the text a co-editor's save is about to replace). */
export async function saveVersion(
  deps: VersionDeps,
  uid: string,
  input: SaveVersionInput,
): Promise<{ versionId: string | null; revision: number }> {
  const { db } = deps;
  const { ownerUid, conversationId: id } = input;
  const kind = input.kind ?? "named";
  const result = await db.runTransaction(async (tx) => {
    await editorSummary(tx, db, ownerUid, id, uid);
    const content = await currentContent(tx, db, ownerUid, id);
    if (input.revision !== undefined && input.revision !== content.revision) {
      return { versionId: null, revision: content.revision };
    }
    const name = input.name ?? null;
    await keepInTransaction(tx, deps, ownerUid, id, content, name ? "named" : kind, name, uid);
    return { versionId: versionIdOf(content.revision), revision: content.revision };
  });
  if (result.versionId) await pruneVersions(db, ownerUid, id);
  return result;
}

/**
 * Saves a version's copy as a new revision (summary and content, as a save does), keeping what the
 * conversation held until then as a version first: a restore overwrites nothing.
 */
export async function restoreVersion(
  deps: VersionDeps,
  uid: string,
  input: { ownerUid: string; conversationId: string; versionId: string },
): Promise<{ revision: number; keptAs: string }> {
  const { db } = deps;
  const { ownerUid, conversationId: id, versionId } = input;
  const result = await db.runTransaction(async (tx) => {
    const summary = await editorSummary(tx, db, ownerUid, id, uid);
    const snapshot = await tx.get(db.doc(firestorePaths.versionSnapshot(ownerUid, id, versionId)));
    const data = snapshot.exists ? parseVersionSnapshot(snapshot.data()!) : null;
    if (!data) throw new DomainError("not-found", "version-not-found", "No such version.");
    const current = await currentContent(tx, db, ownerUid, id);
    await keepInTransaction(tx, deps, ownerUid, id, current, "before-restore", null, uid);
    const revision = current.revision + 1;
    const now = Timestamp.fromDate(deps.now());
    tx.update(db.doc(firestorePaths.conversation(ownerUid, id)), {
      ...summaryFields(data),
      revision,
      updatedAt: now,
      projectUpdatedAt: now,
    });
    // An update replaces the data's fields whole and keeps the save ids a save whose answer was
    // lost looks for (docs/collaboration.md); the members map the rules read on it is the summary's.
    const members: unknown = summary.members;
    tx.update(db.doc(firestorePaths.content(ownerUid, id)), {
      ...contentRecord(data, revision),
      ...(members ? { members } : {}),
    });
    return { revision, keptAs: versionIdOf(current.revision) };
  });
  await pruneVersions(db, ownerUid, id);
  return result;
}

/** Clock-aligned windows of autoVersionEveryMinutes: the first save of a new window keeps the last state of the one before. */
const windowOf = (time: Date) => Math.floor(time.getTime() / WINDOW_MS);

/**
 * Called for every write of a content document. A save whose previous write fell in an earlier
 * window keeps that previous state as an automatic version; a deletion takes the history along.
 * Idempotent (one version per revision, `create`), as triggers are at-least-once.
 */
export async function recordContentWrite(
  deps: VersionDeps,
  ownerUid: string,
  id: string,
  before: { data: DocumentData; updateTime: Date } | undefined,
  after: DocumentData | undefined,
): Promise<"kept" | "skipped" | "deleted"> {
  const { db } = deps;
  if (after === undefined) {
    // Deleting a conversation deletes its history and presence too (nothing else reads them).
    await Promise.all([
      db.recursiveDelete(db.collection(firestorePaths.versions(ownerUid, id))),
      db.recursiveDelete(db.collection(firestorePaths.presence(ownerUid, id))),
    ]);
    return "deleted";
  }
  if (!before || windowOf(before.updateTime) === windowOf(deps.now())) return "skipped";
  const content = parseContentRecord(before.data);
  if (!content) return "skipped";
  const refs = versionRefs(db, ownerUid, id, content.revision);
  const batch = db.batch();
  const row = versionRow(content.data, content.revision, "auto", null, null, deps.now());
  batch.create(refs.row, row);
  batch.create(refs.snapshot, versionSnapshotRecord(content.data, row.expiresAt));
  try {
    await batch.commit();
  } catch (error) {
    // Kept already (a retried event, or named/overwritten first).
    if (isAlreadyExists(error)) return "skipped";
    throw error;
  }
  await pruneVersions(db, ownerUid, id);
  return "kept";
}
