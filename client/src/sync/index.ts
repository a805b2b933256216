export { mergeConversations, sameValue, type MergeConflict, type MergeResult } from "./merge.js";
