import type { ImportSource } from "../schema/index.js";

const PREFIX: Record<ImportSource, string> = {
  talkstudio_projects: "ls-p-",
  talkstudio_conversations: "ls-c-",
};

/**
 * The Firestore id of an imported project: a hash of where it came from and its LocalStorage key
 * (project id, or conversation name in the older format). The same project always gets the same id,
 * so a second run or a resumed one finds it already there instead of importing it twice; hashing
 * also makes any name (slashes, Hangul, "..") a valid document id.
 */
export async function importedConversationId(source: ImportSource, key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${source}\u0000${key}`));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  return PREFIX[source] + hex.slice(0, 32);
}
