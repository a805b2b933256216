import { firestoreId, type ImportSource } from "../schema/index.js";

const PREFIX: Record<ImportSource, string> = {
  talkstudio_projects: "ls-p-",
  talkstudio_conversations: "ls-c-",
};

/**
 * A hash of where a project came from and its LocalStorage key (project id, or conversation name in
 * the older format). The same project always gets the same id, so a second run or a resumed one
 * finds it already there instead of importing it twice; hashing also makes any name (slashes,
 * Hangul, "..") a valid document id.
 */
export async function hashedImportId(source: ImportSource, key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${source}\u0000${key}`));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  return PREFIX[source] + hex.slice(0, 32);
}

/**
 * The Firestore id of an imported project: the SPA's own project id when it is a valid document id
 * (one id locally and in the cloud), else the hash.
 */
export function importedConversationId(source: ImportSource, key: string): Promise<string> {
  return source === "talkstudio_projects" && firestoreId.safeParse(key).success
    ? Promise.resolve(key)
    : hashedImportId(source, key);
}

/**
 * Ids an earlier version of the migration may have given this project (it hashed every key): a
 * project found under one of them is already imported.
 */
export async function earlierImportIds(source: ImportSource, key: string): Promise<string[]> {
  const hashed = await hashedImportId(source, key);
  return hashed === (await importedConversationId(source, key)) ? [] : [hashed];
}
