// People for tests of editing together: fresh accounts, and membership written as the functions
// write it (through the emulator's REST API as the project owner, which skips the rules).
import { createUserWithEmailAndPassword, updateProfile } from "firebase/auth";
import type { TalkStudio } from "../../client/src/index.js";
import { firestorePaths } from "../../client/src/index.js";
import { emulatorHosts, newClient, PROJECT_ID } from "./emulators.js";

let people = 0;

/** A client signed in as a new user named `name`. */
export async function person(name: string): Promise<TalkStudio & { uid: string }> {
  const ts = newClient();
  const { user } = await createUserWithEmailAndPassword(
    ts.auth,
    `person${++people}-${Date.now()}@example.com`,
    "password123",
  );
  await updateProfile(user, { displayName: name });
  // The profile the rules show in presence, as refreshProfile leaves it after a sign-in.
  await writeAsAdmin(firestorePaths.user(user.uid), { displayName: { stringValue: name } });
  return Object.assign(ts, { uid: user.uid });
}

const documentsUrl = `http://${emulatorHosts.firestore}/v1/projects/${PROJECT_ID}/databases/(default)/documents`;

/** Writes fields of a document as the admin would (REST, `Bearer owner`), merging into what is there. */
export async function writeAsAdmin(path: string, fields: Record<string, unknown>): Promise<void> {
  const mask = Object.keys(fields)
    .map((f) => `updateMask.fieldPaths=${encodeURIComponent(f)}`)
    .join("&");
  const response = await fetch(`${documentsUrl}/${path}?${mask}`, {
    method: "PATCH",
    headers: { Authorization: "Bearer owner", "Content-Type": "application/json" },
    body: JSON.stringify({ fields }),
  });
  if (!response.ok) throw new Error(`PATCH ${path} answered ${response.status}: ${await response.text()}`);
}

/**
 * Seats members with their roles as accepting invites does (functions/src/collaboration/member-documents.ts
 * writeMembers): the map on both documents, `memberUids` beside it on the summary.
 */
export async function grantRole(ownerUid: string, id: string, members: Record<string, "editor" | "viewer">) {
  const map = {
    mapValue: {
      fields: Object.fromEntries(Object.entries(members).map(([uid, role]) => [uid, { stringValue: role }])),
    },
  };
  const uids = { arrayValue: { values: Object.keys(members).map((uid) => ({ stringValue: uid })) } };
  await writeAsAdmin(firestorePaths.conversation(ownerUid, id), { members: map, memberUids: uids });
  await writeAsAdmin(firestorePaths.content(ownerUid, id), { members: map });
}
