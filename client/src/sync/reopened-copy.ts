// What the engine is told of the editor's own copy after a reload (`ProjectSyncOptions.local`),
// from the marks the editor kept while it was synced: the hook and the simulator both ask here.
import type { ConversationData } from "../schema/index.js";
import { conversationDigest, type SyncedMark } from "./digest.js";

export interface KeptCopy {
  /** The marks kept while the copy was synced (`rememberSynced`), oldest first. */
  readonly synced?: readonly SyncedMark[] | undefined;
  /** For an editor that keeps no marks: the revision its copy was last synced at. */
  readonly syncedRevision?: number | undefined;
}

/**
 * A copy that still matches a mark was not edited since: `unchanged` at that mark's revision (the
 * cloud's newer copy replaces it with no conflict). Otherwise it was edited after the newest
 * revision it is known to have been synced at.
 */
export function reopenedCopy(
  data: ConversationData,
  { synced: marks = [], syncedRevision }: KeptCopy,
): { data: ConversationData; revision: number; unchanged: boolean } {
  const digest = marks.length > 0 ? conversationDigest(data) : null;
  const match = marks.findLast((mark) => mark.digest === digest);
  const newest = marks.reduce((max, mark) => Math.max(max, mark.revision), 0);
  return {
    data,
    revision: match?.revision ?? syncedRevision ?? newest,
    unchanged: match !== undefined,
  };
}
