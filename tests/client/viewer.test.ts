// The share viewer's lite read (`@talkstudio/client/viewer`) against the Firestore emulator and its
// rules, as a page that shows a share would make it: no sign-in, firebase/firestore/lite only.
import { deleteApp, initializeApp } from "firebase/app";
import { connectFirestoreEmulator, getFirestore, setLogLevel } from "firebase/firestore/lite";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, describe, expect, it } from "vitest";
import { firestorePaths } from "../../client/src/index.js";
import { readPublicShare } from "../../client/src/viewer/index.js";
import { adminDb } from "../support/admin.js";
import { conversationData } from "../support/conversation-data.js";
import { firestoreEmulator, PROJECT_ID } from "../support/emulators.js";
import { shareOf } from "../support/shares.js";

const app = initializeApp({ projectId: PROJECT_ID, apiKey: "demo-api-key" }, "viewer");
const db = getFirestore(app);
connectFirestoreEmulator(db, firestoreEmulator.host, firestoreEmulator.port);
afterAll(() => deleteApp(app));
// The refused reads are the point of the second test; the SDK would log each one as an error.
setLogLevel("silent");

describe("readPublicShare", () => {
  it("reads a live public share whole, in one document read", async () => {
    const data = conversationData(5, "뷰어");
    const code = await shareOf(data);
    const share = await readPublicShare(db, code);
    expect(share).toMatchObject({ code, title: data.title, allowDownload: true, content: data });
    expect(Date.parse(share!.expiresAt)).toBeGreaterThan(Date.now());
  });

  it("answers null for password-protected, revoked, expired, unknown and malformed codes", async () => {
    const locked = await shareOf(conversationData(2), { password: "open-sesame" });
    const revoked = await shareOf(conversationData(2));
    await adminDb().doc(firestorePaths.share(revoked)).update({ revokedAt: Timestamp.now() });
    const expired = await shareOf(conversationData(2));
    await adminDb()
      .doc(firestorePaths.share(expired))
      .update({ expiresAt: Timestamp.fromMillis(Date.now() - 1000) });
    for (const code of [locked, revoked, expired, "A".repeat(22), "../users/x", "가".repeat(22)]) {
      expect(await readPublicShare(db, code)).toBeNull();
    }
  });

  it("treats a share past its expiry on the caller's clock as gone, whatever the server allows", async () => {
    const code = await shareOf(conversationData(2));
    expect(await readPublicShare(db, code, new Date(Date.now() + 366 * 24 * 3_600_000))).toBeNull();
  });
});
