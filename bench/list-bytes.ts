// Bytes on the wire to list 50 conversations: the summary query the client runs vs reading the full
// conversations. Counted as the HTTP response bodies of the Firestore REST API on the emulator, with
// the user's own ID token (so the rules apply): the same documents the SDK fetches, in REST's JSON.
import { firestorePaths, migrateLocalStorage } from "../client/src/index.js";
import { emulatorHosts, PROJECT_ID } from "../dev/emulators.js";
import { localStorageWith } from "./local-storage-projects.js";
import { newUser } from "./users.js";

const DOCUMENTS = `projects/${PROJECT_ID}/databases/(default)/documents`;

async function post(path: string, body: unknown, idToken: string): Promise<{ bytes: number; json: unknown }> {
  const response = await fetch(`http://${emulatorHosts.firestore}/v1/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${idToken}` },
    body: JSON.stringify(body),
  });
  const buffer = await response.arrayBuffer();
  if (!response.ok)
    throw new Error(`${path} answered ${response.status}: ${new TextDecoder().decode(buffer)}`);
  return { bytes: buffer.byteLength, json: JSON.parse(new TextDecoder().decode(buffer)) as unknown };
}

/** The list query of listConversations (newest first, one page) over REST. */
async function listBytes(uid: string, idToken: string, pageSize: number) {
  const query = {
    structuredQuery: {
      from: [{ collectionId: "conversations" }],
      orderBy: [
        { field: { fieldPath: "projectUpdatedAt" }, direction: "DESCENDING" },
        { field: { fieldPath: "__name__" }, direction: "DESCENDING" },
      ],
      limit: pageSize,
    },
  };
  const { bytes, json } = await post(`${DOCUMENTS}/${firestorePaths.user(uid)}:runQuery`, query, idToken);
  const names = (json as { document?: { name: string } }[]).flatMap((row) =>
    row.document ? [row.document.name] : [],
  );
  return { bytes, names };
}

async function measure(conversations: number, messages: number) {
  const user = await newUser();
  const result = await migrateLocalStorage(user, localStorageWith(conversations, messages));
  if (result.imported.length !== conversations) throw new Error("setup import failed");
  const list = await listBytes(user.uid, user.idToken, conversations);
  if (list.names.length !== conversations) throw new Error(`listed ${list.names.length}`);
  // Reading the full conversations: each one's summary and its content document.
  const full = await post(
    `${DOCUMENTS}:batchGet`,
    {
      documents: list.names.flatMap((name) => {
        const id = name.split("/").at(-1) ?? "";
        return [name, `${DOCUMENTS}/${firestorePaths.content(user.uid, id)}`];
      }),
    },
    user.idToken,
  );
  return { listBytes: list.bytes, fullBytes: full.bytes };
}

export async function benchListBytes() {
  const small = await measure(50, 5);
  const large = await measure(50, 300);
  return { small, large, ratio: large.listBytes / large.fullBytes };
}
