// Version history (docs/collaboration.md): functions write every version, members read them. Kept
// here rather than by clients so history holds only states the conversation really had, a member
// cannot fill it, and the text a co-editor's save replaces lands in it without trusting that client.
import { randomBytes } from "node:crypto";
import { Timestamp, type DocumentData, type Firestore, type Transaction } from "firebase-admin/firestore";
import { DomainError, isAlreadyExists } from "../common/errors.js";
import { consumeRateLimits, type RateLimitRule } from "../rate-limit/rate-limiter.js";
import { RATE_LIMIT_RULES } from "../rate-limit/rules.js";
import {
  COLLABORATION_LIMITS,
  contentRecord,
  firestorePaths,
  LIMITS,
  parseContentRecord,
  summaryFields,
  parseVersionSnapshot,
  versionIdOf,
  versionSnapshotRecord,
  type ConversationData,
  type VersionDocument,
  type VersionKind,
} from "../schema.js";
import { contentRef, conversationNotFound, summaryRef } from "../conversations/conversation-documents.js";
import { editorSummary } from "../conversations/editor-access.js";
import { authorOf, pruneAuthor, windowOf } from "./version-retention.js";

export interface VersionDeps {
  db: Firestore;
  now: () => Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const versionRefs = (db: Firestore, ownerUid: string, id: string, revision: number) => ({
  row: db.doc(firestorePaths.version(ownerUid, id, versionIdOf(revision))),
  snapshot: db.doc(firestorePaths.versionSnapshot(ownerUid, id, versionIdOf(revision))),
});

/** A revision of the content: its data, who saved it and when. */
interface Kept {
  data: ConversationData;
  revision: number;
  author: string;
  savedAt: Date;
}

function versionRow(
  content: Kept,
  kind: VersionKind,
  name: string | null,
  createdBy: string | null,
  now: Date,
): VersionDocument<Timestamp> {
  const { title, messageCount } = summaryFields(content.data);
  return {
    revision: content.revision,
    kind,
    name,
    title,
    messageCount,
    createdAt: Timestamp.fromDate(now),
    createdBy,
    author: content.author,
    window: windowOf(content.savedAt),
    expiresAt: Timestamp.fromMillis(now.getTime() + COLLABORATION_LIMITS.versionKeepDays * DAY_MS),
  };
}

/** Named versions `uid` gave in this conversation (at most namedVersionsPerPerson). */
async function namedBy(tx: Transaction, db: Firestore, ownerUid: string, id: string, uid: string) {
  const rows = await tx.get(
    db.collection(firestorePaths.versions(ownerUid, id)).where("createdBy", "==", uid),
  );
  return rows.docs.filter((row) => row.get("kind") === "named").length;
}

/**
 * Writes a version of `content` in the transaction unless that revision is kept already; names it
 * when `name` is given (a name belongs to whoever gave it). Returns the author whose unnamed quota
 * a new unnamed version counts against, or null.
 */
async function keepInTransaction(
  tx: Transaction,
  deps: VersionDeps,
  ownerUid: string,
  id: string,
  content: Kept,
  kind: VersionKind,
  name: string | null,
  createdBy: string | null,
): Promise<string | null> {
  const { db } = deps;
  const refs = versionRefs(db, ownerUid, id, content.revision);
  const existing = (await tx.get(refs.row)).data();
  if (name !== null && createdBy !== null) {
    const renaming = existing?.kind === "named";
    if (renaming && existing.createdBy !== createdBy) {
      throw new DomainError("permission-denied", "version-named-by-another", "Someone else named it.");
    }
    if (
      !renaming &&
      (await namedBy(tx, db, ownerUid, id, createdBy)) >= COLLABORATION_LIMITS.namedVersionsPerPerson
    ) {
      throw new DomainError("resource-exhausted", "too-many-named-versions", "Too many named versions.", {
        limit: COLLABORATION_LIMITS.namedVersionsPerPerson,
      });
    }
  }
  if (existing) {
    // A revision kept unnamed first can be named afterwards; it is then charged to its namer.
    if (name !== null) tx.update(refs.row, { name, kind: "named", createdBy });
    return null;
  }
  const row = versionRow(content, name ? "named" : kind, name, createdBy, deps.now());
  tx.create(refs.row, row);
  tx.create(refs.snapshot, versionSnapshotRecord(content.data, row.expiresAt));
  return name ? null : content.author;
}

/**
 * Checks access, then charges the caller's and the conversation's budgets: only an owner or editor
 * can spend a conversation's budget (a stranger's calls never reach it).
 */
async function admit(
  deps: VersionDeps,
  uid: string,
  ownerUid: string,
  id: string,
  rules: { perUser: RateLimitRule; perConversation: RateLimitRule },
) {
  await editorSummary(null, deps.db, ownerUid, id, uid);
  await consumeRateLimits(
    deps.db,
    [
      { rule: rules.perUser, key: uid },
      { rule: rules.perConversation, key: `${ownerUid}/${id}` },
    ],
    deps.now(),
  );
}

/** The content document as read in `tx`: its raw data and, when it fits the schema, the revision kept. */
async function currentContent(tx: Transaction, db: Firestore, ownerUid: string, id: string) {
  const snapshot = await tx.get(contentRef(db, ownerUid, id));
  const raw = snapshot.data();
  const parsed = raw ? parseContentRecord(raw) : null;
  const kept: Kept | null =
    raw && parsed && snapshot.updateTime
      ? { ...parsed, author: authorOf(raw, ownerUid), savedAt: snapshot.updateTime.toDate() }
      : null;
  return { raw, kept };
}

function unreadable(): never {
  throw new DomainError("failed-precondition", "conversation-invalid", "Unreadable conversation.");
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
  await admit(deps, uid, ownerUid, id, {
    perUser: RATE_LIMIT_RULES.versionSavesPerUser,
    perConversation: RATE_LIMIT_RULES.versionSavesPerConversation,
  });
  const result = await db.runTransaction(async (tx) => {
    await editorSummary(tx, db, ownerUid, id, uid);
    const { kept: content } = await currentContent(tx, db, ownerUid, id);
    if (!content) unreadable();
    if (input.revision !== undefined && input.revision !== content.revision) {
      return { versionId: null, revision: content.revision, charged: null };
    }
    const name = input.name ?? null;
    const charged = await keepInTransaction(tx, deps, ownerUid, id, content, kind, name, uid);
    return { versionId: versionIdOf(content.revision), revision: content.revision, charged };
  });
  if (result.charged) await pruneAuthor(db, ownerUid, id, result.charged);
  return { versionId: result.versionId, revision: result.revision };
}

const stringMap = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? { ...(value as Record<string, unknown>) } : {};

/**
 * The save ids of a function's save of `revision` over `raw` (rules: validWrites): a new id in its
 * slot and `uid` as `savedBy`, as a client's save sets them (the tabs' entries in `lastWriteBy`
 * stay: only a tab looks for its own save there); with no `uid`, the slot is emptied and `savedBy`
 * dropped, so the revision is nobody's (authorOf: the owner's).
 */
function savedIds(raw: DocumentData, revision: number, uid: string | null) {
  const writes = stringMap(raw.writes);
  const lastWriteBy = stringMap(raw.lastWriteBy);
  const slot = String(revision % LIMITS.writeSlots);
  delete writes[slot];
  if (uid === null) return { writes, lastWriteBy };
  writes[slot] = randomBytes(LIMITS.writeIdChars / 2).toString("hex");
  return { writes, lastWriteBy, savedBy: uid };
}

/**
 * Writes `data` as `revision` over the content document `raw` and its summary: a set, which drops
 * whatever the content held (fields the schema does not know included) and keeps the members map
 * the rules read on it (the summary's) and the save ids a save whose answer was lost looks for.
 */
function writeRevision(
  tx: Transaction,
  deps: VersionDeps,
  ref: { ownerUid: string; id: string; summary: DocumentData; raw: DocumentData },
  data: ConversationData,
  revision: number,
  savedBy: string | null,
) {
  const { db } = deps;
  const now = Timestamp.fromDate(deps.now());
  tx.update(summaryRef(db, ref.ownerUid, ref.id), {
    ...summaryFields(data),
    revision,
    updatedAt: now,
    projectUpdatedAt: now,
  });
  const members: unknown = ref.summary.members;
  tx.set(contentRef(db, ref.ownerUid, ref.id), {
    ...contentRecord(data, revision),
    ...(members ? { members } : {}),
    ...savedIds(ref.raw, revision, savedBy),
  });
}

/**
 * Saves a version's copy as a new revision (summary and content, as a save does), keeping what the
 * conversation held until then as a version first: a restore overwrites nothing that can be read.
 * Works whatever the content holds: a state that does not fit the schema (which no reader can open)
 * is replaced without being kept.
 */
export async function restoreVersion(
  deps: VersionDeps,
  uid: string,
  input: { ownerUid: string; conversationId: string; versionId: string },
): Promise<{ revision: number; keptAs: string }> {
  const { db } = deps;
  const { ownerUid, conversationId: id, versionId } = input;
  await admit(deps, uid, ownerUid, id, {
    perUser: RATE_LIMIT_RULES.restoresPerUser,
    perConversation: RATE_LIMIT_RULES.restoresPerConversation,
  });
  const result = await db.runTransaction(async (tx) => {
    const summary = await editorSummary(tx, db, ownerUid, id, uid);
    const snapshot = await tx.get(db.doc(firestorePaths.versionSnapshot(ownerUid, id, versionId)));
    const data = snapshot.exists ? parseVersionSnapshot(snapshot.data()!) : null;
    if (!data) throw new DomainError("not-found", "version-not-found", "No such version.");
    const { raw, kept } = await currentContent(tx, db, ownerUid, id);
    if (!raw) throw conversationNotFound();
    const charged = kept
      ? await keepInTransaction(tx, deps, ownerUid, id, kept, "before-restore", null, uid)
      : null;
    const current: unknown = Number.isSafeInteger(raw.revision) ? raw.revision : summary.revision;
    if (typeof current !== "number" || !Number.isSafeInteger(current)) unreadable();
    writeRevision(tx, deps, { ownerUid, id, summary, raw }, data, current + 1, uid);
    return { revision: current + 1, keptAs: versionIdOf(current), charged };
  });
  if (result.charged) await pruneAuthor(db, ownerUid, id, result.charged);
  return { revision: result.revision, keptAs: result.keptAs };
}

/**
 * A save the rules let through but the schema refuses (rules cannot look at each message, nor count
 * bytes): undone at once by saving the state before it again as the next revision, so nobody is left
 * with a conversation no reader can open. Only while the content is still at that save's revision.
 */
async function undoInvalidSave(
  deps: VersionDeps,
  ownerUid: string,
  id: string,
  good: ConversationData,
  badRevision: number,
): Promise<boolean> {
  const { db } = deps;
  return db.runTransaction(async (tx) => {
    const [summary, content] = await tx.getAll(summaryRef(db, ownerUid, id), contentRef(db, ownerUid, id));
    const raw = content!.data();
    if (!summary!.exists || !raw || raw.revision !== badRevision) return false;
    writeRevision(tx, deps, { ownerUid, id, summary: summary!.data()!, raw }, good, badRevision + 1, null);
    return true;
  });
}

/**
 * Called for every write of a content document. Keeps the state a save replaces as an automatic
 * version when it was the last of its window (the save comes in a later window) or someone else's
 * (the save is another person's): each person's work is kept whoever writes next, once per window
 * (version-retention.ts). Undoes a save that does not fit the schema.
 * Idempotent (one version per revision, `create`), as triggers are at-least-once.
 */
export async function recordContentWrite(
  deps: VersionDeps,
  ownerUid: string,
  id: string,
  before: { data: DocumentData; updateTime: Date } | undefined,
  after: DocumentData | undefined,
): Promise<"kept" | "skipped" | "undone"> {
  const { db } = deps;
  // A deletion takes the history along in conversations/conversation-deletion.ts.
  if (!before || after === undefined) return "skipped";
  const parsed = parseContentRecord(before.data);
  if (!parsed) return "skipped";
  if (!parseContentRecord(after) && typeof after.revision === "number") {
    return (await undoInvalidSave(deps, ownerUid, id, parsed.data, after.revision)) ? "undone" : "skipped";
  }
  const author = authorOf(before.data, ownerUid);
  const sameWindow = windowOf(before.updateTime) === windowOf(deps.now());
  if (sameWindow && author === authorOf(after, ownerUid)) return "skipped";
  const content: Kept = { ...parsed, author, savedAt: before.updateTime };
  const refs = versionRefs(db, ownerUid, id, content.revision);
  const batch = db.batch();
  const row = versionRow(content, "auto", null, null, deps.now());
  batch.create(refs.row, row);
  batch.create(refs.snapshot, versionSnapshotRecord(content.data, row.expiresAt));
  try {
    await batch.commit();
  } catch (error) {
    // Kept already (a retried event, or named/overwritten first).
    if (isAlreadyExists(error)) return "skipped";
    throw error;
  }
  await pruneAuthor(db, ownerUid, id, author);
  return "kept";
}
