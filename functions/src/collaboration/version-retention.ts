// Who a version is charged to, and what each person's quota keeps (docs/collaboration.md, "Version
// history"): a version is charged to the person whose work it holds (its `author`) or, once named,
// to whoever named it. Pruning only ever deletes versions charged to the person whose quota is
// over, so nobody's activity pushes out anyone else's versions.
import type { DocumentData, Firestore } from "firebase-admin/firestore";
import { COLLABORATION_LIMITS, firestorePaths, LIMITS, idsInEntry } from "../schema.js";

const WINDOW_MS = COLLABORATION_LIMITS.autoVersionEveryMinutes * 60 * 1000;

/** Clock-aligned windows of autoVersionEveryMinutes: history keeps one state per author per window. */
export const windowOf = (time: Date) => Math.floor(time.getTime() / WINDOW_MS);

const stringMap = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};

/**
 * Who saved the content document `raw`: its `savedBy`, which the rules hold every save to (and
 * functions' restores set too). A document saved before `savedBy` existed names its saver by the id
 * in its revision's `writes` slot, which that save also put under the saver's `lastWriteBy` key. A
 * document with neither (a create, an import, a copy) is the owner's.
 */
export function authorOf(raw: DocumentData, ownerUid: string): string {
  if (typeof raw.savedBy === "string" && raw.savedBy !== "") return raw.savedBy;
  const revision: unknown = raw.revision;
  if (typeof revision !== "number") return ownerUid;
  const id = stringMap(raw.writes)[String(revision % LIMITS.writeSlots)];
  if (typeof id !== "string" || id === "") return ownerUid;
  const saver = Object.entries(stringMap(raw.lastWriteBy)).find(([, entry]) =>
    idsInEntry(entry).includes(id),
  );
  return saver ? saver[0] : ownerUid;
}

interface Row {
  id: string;
  revision: number;
  window: number;
}

/**
 * Applies `author`'s quota of unnamed versions: one per window (the newest revision in it stays),
 * then at most versionsPerAuthor windows (the oldest go). Named versions are not touched. Returns
 * how many versions (each with its copy) it deleted.
 */
export async function pruneAuthor(db: Firestore, ownerUid: string, id: string, author: string) {
  const versions = db.collection(firestorePaths.versions(ownerUid, id));
  const rows = (await versions.where("author", "==", author).get()).docs
    .map((doc) => ({ id: doc.id, data: doc.data() }))
    .filter(({ data }) => data.kind !== "named")
    .flatMap(({ id: rowId, data }): Row[] =>
      typeof data.revision === "number" && typeof data.window === "number"
        ? [{ id: rowId, revision: data.revision, window: data.window }]
        : [],
    )
    .sort((a, b) => b.revision - a.revision);
  const kept = new Set<number>();
  const doomed = rows.filter((row) => {
    if (kept.has(row.window) || kept.size >= COLLABORATION_LIMITS.versionsPerAuthor) return true;
    kept.add(row.window);
    return false;
  });
  if (doomed.length === 0) return 0;
  const batch = db.batch();
  for (const row of doomed) {
    const ref = versions.doc(row.id);
    batch.delete(ref.collection("snapshot").doc("current"));
    batch.delete(ref);
  }
  await batch.commit();
  return doomed.length;
}
