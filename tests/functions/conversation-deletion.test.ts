// The deletion fan-out driven directly (admin SDK on the Firestore emulator): a deleted
// conversation's invites, live shares, version history and presence end, and nothing of another
// conversation does. The documents stay in place here, so no emulated trigger does the work instead.
import type { Firestore } from "firebase-admin/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { firestorePaths, versionIdOf } from "../../client/src/index.js";
import { inviteToConversation } from "../../functions/src/collaboration/invites.js";
import { endDeletedConversation } from "../../functions/src/conversations/conversation-deletion.js";
import { createShare } from "../../functions/src/shares/create.js";
import type { ShareDeps } from "../../functions/src/shares/deps.js";
import { adminDb } from "../support/admin.js";
import { conversationData } from "../support/conversation-data.js";
import { clearFirestore } from "../support/emulators.js";

const T0 = Date.UTC(2026, 0, 1);

let codes = 0;
const depsOf = (db: Firestore): ShareDeps => ({
  db,
  now: () => new Date(T0),
  baseUrl: "https://talkstudio.test",
  newCode: () => `del${String(++codes).padStart(4, "0")}`.padEnd(22, "x"),
});

/** A conversation with one invite, one share, one version and one member present. */
async function conversationWithEverything(deps: ShareDeps, id: string) {
  const { db } = deps;
  const data = conversationData(2);
  await db.doc(firestorePaths.conversation("owner", id)).set({ title: data.title, revision: 1 });
  await db.doc(firestorePaths.content("owner", id)).set({ ...data, revision: 1 });
  const invite = await inviteToConversation(deps, "owner", { conversationId: id, role: "editor" });
  const share = await createShare(deps, "owner", { conversationId: id });
  await db.doc(firestorePaths.version("owner", id, versionIdOf(1))).set({ revision: 1 });
  await db.doc(firestorePaths.versionSnapshot("owner", id, versionIdOf(1))).set({ title: data.title });
  await db.doc(firestorePaths.presenceOf("owner", id, "eddie")).set({ name: "Eddie" });
  return { invite: invite.code, share: share.code };
}

async function leftOf(db: Firestore, id: string, made: { invite: string; share: string }) {
  const [invite, share, version, snapshot, presence] = await db.getAll(
    db.doc(firestorePaths.invite(made.invite)),
    db.doc(firestorePaths.share(made.share)),
    db.doc(firestorePaths.version("owner", id, versionIdOf(1))),
    db.doc(firestorePaths.versionSnapshot("owner", id, versionIdOf(1))),
    db.doc(firestorePaths.presenceOf("owner", id, "eddie")),
  );
  return {
    invite: invite!.exists,
    shareRevoked: share!.get("revokedAt") !== null,
    version: version!.exists,
    snapshot: snapshot!.exists,
    presence: presence!.exists,
  };
}

beforeEach(clearFirestore);

describe("endDeletedConversation", () => {
  it("ends the invites, shares, history and presence of that conversation only", async () => {
    const deps = depsOf(adminDb());
    const gone = await conversationWithEverything(deps, "gone");
    const kept = await conversationWithEverything(deps, "kept");
    expect(await endDeletedConversation(deps, "owner", "gone")).toEqual({
      invitesDeleted: 1,
      sharesRevoked: 1,
    });
    expect(await leftOf(deps.db, "gone", gone)).toEqual({
      invite: false,
      shareRevoked: true,
      version: false,
      snapshot: false,
      presence: false,
    });
    expect(await leftOf(deps.db, "kept", kept)).toEqual({
      invite: true,
      shareRevoked: false,
      version: true,
      snapshot: true,
      presence: true,
    });
    // Triggers are at-least-once: a second run finds nothing left to do.
    expect(await endDeletedConversation(deps, "owner", "gone")).toEqual({
      invitesDeleted: 0,
      sharesRevoked: 0,
    });
  });
});
