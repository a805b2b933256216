export { conversationDigest, type SyncedMark } from "./digest.js";
export { mergeConversations, sameValue, type MergeConflict, type MergeResult } from "./merge.js";
export {
  createProjectSync,
  type ProjectSync,
  type ProjectSyncOptions,
  type SyncStatus,
} from "./project-sync.js";
