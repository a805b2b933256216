export { joinPresence, watchPresence, type JoinOptions, type PresenceEntry } from "./presence.js";
export { getVersion, listVersions, restoreVersion, saveVersion, type VersionInfo } from "./versions.js";
export * from "./member-callables.js";
export {
  listSharedWithMe,
  watchSharedWithMe,
  type SharedConversationPage,
  type SharedConversationSummary,
  type SharedListOptions,
} from "./shared-with-me.js";
