// What the SPA keeps beside its LocalStorage projects so that, after a reload, the sync engine can
// tell an unedited copy (the cloud's newer one simply replaces it) from one with edits of its own
// (merged). docs/integrating-the-spa.md.
import * as z from "zod/mini";
import { COLLABORATION_LIMITS } from "../schema/index.js";
import type { SyncedMark } from "../sync/index.js";

/** The LocalStorage key: project id → its last synced marks, newest last. */
export const SYNCED_MARKS_KEY = "talkstudio_synced";

const syncedMark = z.object({
  revision: z.number().check(z.int(), z.nonnegative()),
  digest: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
});
const stored = z.record(z.string(), z.array(syncedMark));

type StorageLike = Pick<Storage, "getItem" | "setItem">;

/** Every project's marks; what is not ours or no longer fits reads as none. */
function readAll(storage: StorageLike): Record<string, SyncedMark[]> {
  try {
    const parsed = stored.safeParse(JSON.parse(storage.getItem(SYNCED_MARKS_KEY) ?? "{}"));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The marks of one project's synced copies, for `useProjectSync`'s `reopened.synced`. */
export const syncedMarksOf = (storage: StorageLike, projectId: string): SyncedMark[] =>
  readAll(storage)[projectId] ?? [];

/**
 * Keeps `mark` (`useProjectSync`'s `synced`) for the project. A full LocalStorage is not an error:
 * without marks a reopened copy is merged, which loses nothing.
 */
export function rememberSynced(storage: StorageLike, projectId: string, mark: SyncedMark): void {
  const all = readAll(storage);
  const marks = (all[projectId] ?? []).filter(
    (m) => m.revision !== mark.revision || m.digest !== mark.digest,
  );
  all[projectId] = [...marks, mark].slice(-COLLABORATION_LIMITS.syncedMarksPerProject);
  try {
    storage.setItem(SYNCED_MARKS_KEY, JSON.stringify(all));
  } catch {
    // QuotaExceededError: see above.
  }
}
