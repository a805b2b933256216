// The one-off move of old-layout shares (owner fields on the public document) to the owner's record
// and the owner link, on the Firestore emulator, over more than one page.
import { Timestamp } from "firebase-admin/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { firestorePaths } from "../../client/src/index.js";
import { migrateShareLayout } from "../../functions/src/shares/layout-migration.js";
import { adminDb } from "../support/admin.js";
import { conversationData } from "../support/conversation-data.js";
import { clearFirestore } from "../support/emulators.js";

beforeEach(clearFirestore);

const oldShare = (ownerUid: string, conversationId: string) => ({
  ownerUid,
  conversationId,
  title: "old",
  createdAt: Timestamp.fromMillis(1),
  updatedAt: Timestamp.fromMillis(2),
  expiresAt: Timestamp.fromMillis(Date.now() + 3_600_000),
  revokedAt: null,
  passwordProtected: false,
  allowDownload: true,
  viewCount: 7,
  revision: 3,
  content: conversationData(2),
});

describe("migrateShareLayout", () => {
  it("moves every old share's owner out of the public document, page by page, once", async () => {
    const db = adminDb();
    const codes = Array.from({ length: 5 }, (_, i) => `old${i}`.padEnd(22, "x"));
    await Promise.all(
      codes.map((code, i) => db.doc(firestorePaths.share(code)).set(oldShare(`u${i % 2}`, `c${i}`))),
    );
    expect(await migrateShareLayout(db, 2)).toBe(5);
    for (const [i, code] of codes.entries()) {
      const share = (await db.doc(firestorePaths.share(code)).get()).data()!;
      expect(share).not.toHaveProperty("ownerUid");
      expect(share).not.toHaveProperty("conversationId");
      expect(share.viewCount).toBe(7);
      const record = (await db.doc(firestorePaths.ownShare(`u${i % 2}`, code)).get()).data()!;
      expect(record).toMatchObject({ conversationId: `c${i}`, title: "old", viewCount: 7 });
      expect(record).not.toHaveProperty("content");
      expect((await db.doc(firestorePaths.shareOwner(code)).get()).data()).toMatchObject({
        ownerUid: `u${i % 2}`,
        conversationId: `c${i}`,
      });
    }
    expect(await migrateShareLayout(db, 2)).toBe(0);
  });
});
