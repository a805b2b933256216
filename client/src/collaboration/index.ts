export { joinPresence, watchPresence, type JoinOptions, type PresenceEntry } from "./presence.js";
export { getVersion, listVersions, restoreVersion, saveVersion, type VersionInfo } from "./versions.js";
