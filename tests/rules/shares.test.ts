// shares/** rules: owner, another user and an anonymous caller × get, list, create, update, delete ×
// a public, a password-protected, a revoked and an expired share; and the functions-only parts.
import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  query,
  setDoc,
  Timestamp,
  updateDoc,
  where,
} from "firebase/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { firestorePaths } from "../../client/src/index.js";
import { conversationData } from "../support/conversation-data.js";
import { useRulesTestEnvironment } from "../support/rules.js";

const env = useRulesTestEnvironment();
const HOUR = 3_600_000;

const KINDS = ["public", "password", "revoked", "expired"] as const;
type Kind = (typeof KINDS)[number];
const codeOf = (kind: Kind) => `${kind.padEnd(8, "x")}AAAAAAAAAAAAAA`.slice(0, 22);

function shareOf(kind: Kind) {
  const now = Date.now();
  const data = conversationData(3);
  return {
    title: data.title,
    createdAt: Timestamp.fromMillis(now - HOUR),
    updatedAt: Timestamp.fromMillis(now - HOUR),
    expiresAt: Timestamp.fromMillis(kind === "expired" ? now - 1_000 : now + HOUR),
    revokedAt: kind === "revoked" ? Timestamp.fromMillis(now - 1_000) : null,
    passwordProtected: kind === "password",
    allowDownload: true,
    viewCount: 0,
    revision: 1,
    content: kind === "password" || kind === "revoked" ? null : data,
  };
}

beforeEach(async () => {
  await env().clearFirestore();
  await env().withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore();
    for (const kind of KINDS) {
      const {
        title,
        createdAt,
        updatedAt,
        expiresAt,
        revokedAt,
        passwordProtected,
        allowDownload,
        viewCount,
      } = shareOf(kind);
      const settings = {
        title,
        createdAt,
        updatedAt,
        expiresAt,
        revokedAt,
        passwordProtected,
        allowDownload,
        viewCount,
      };
      await setDoc(doc(db, firestorePaths.share(codeOf(kind))), shareOf(kind));
      await setDoc(doc(db, firestorePaths.ownShare("alice", codeOf(kind))), {
        ...settings,
        conversationId: "c1",
      });
      await setDoc(doc(db, firestorePaths.shareOwner(codeOf(kind))), {
        ownerUid: "alice",
        conversationId: "c1",
      });
      await setDoc(doc(db, firestorePaths.shareSecret(codeOf(kind))), { password: null, content: null });
      await setDoc(doc(db, `${firestorePaths.shareViewShards(codeOf(kind))}/0`), { pending: 1 });
    }
  });
});

const callers = {
  owner: () => env().authenticatedContext("alice").firestore(),
  other: () => env().authenticatedContext("bob").firestore(),
  anonymous: () => env().unauthenticatedContext().firestore(),
};
type Caller = keyof typeof callers;
const CALLERS = Object.keys(callers) as Caller[];

const shareDoc = (caller: Caller, kind: Kind) => doc(callers[caller](), firestorePaths.share(codeOf(kind)));

describe("get shares/{code}", () => {
  it("lets anyone read a live public share: one read is a whole public view", async () => {
    for (const caller of CALLERS) await assertSucceeds(getDoc(shareDoc(caller, "public")));
  });
  it.each(["password", "revoked", "expired"] as const)(
    "refuses a %s share to everyone, its owner included (the owner reads their own record)",
    async (kind) => {
      for (const caller of CALLERS) await assertFails(getDoc(shareDoc(caller, kind)));
    },
  );
  it("holds nothing that names the owner or the conversation", async () => {
    const share = await getDoc(shareDoc("anonymous", "public"));
    expect(Object.keys(share.data()!).sort()).toEqual([
      "allowDownload",
      "content",
      "createdAt",
      "expiresAt",
      "passwordProtected",
      "revision",
      "revokedAt",
      "title",
      "updatedAt",
      "viewCount",
    ]);
  });
  it("refuses an unknown code (nobody learns which codes exist)", async () => {
    for (const caller of CALLERS) {
      await assertFails(getDoc(doc(callers[caller](), firestorePaths.share("nosuchcodeAAAAAAAAAAAA"))));
    }
  });
  it("checks expiry against the request time, not cleanup", async () => {
    await env().withSecurityRulesDisabled((ctx) =>
      updateDoc(doc(ctx.firestore(), firestorePaths.share(codeOf("public"))), {
        expiresAt: Timestamp.fromMillis(Date.now() - 1),
      }),
    );
    await assertFails(getDoc(shareDoc("anonymous", "public")));
  });
});

describe("the owner's records, users/{uid}/shares", () => {
  const ownShares = (caller: Caller, uid: string) =>
    collection(callers[caller](), firestorePaths.ownShares(uid));
  it("lets the owner list and get their own records, of every kind", async () => {
    const listed = await assertSucceeds(
      getDocs(query(ownShares("owner", "alice"), where("conversationId", "==", "c1"))),
    );
    expect(listed.size).toBe(KINDS.length);
    for (const kind of KINDS) await assertSucceeds(getDoc(doc(ownShares("owner", "alice"), codeOf(kind))));
  });
  it("refuses anyone else's records, every write, and listing shares/ or the owner links", async () => {
    for (const caller of ["other", "anonymous"] as const) {
      await assertFails(getDocs(ownShares(caller, "alice")));
      await assertFails(getDoc(doc(ownShares(caller, "alice"), codeOf("public"))));
    }
    for (const caller of CALLERS) {
      await assertFails(getDocs(collection(callers[caller](), firestorePaths.shares)));
      await assertFails(getDoc(doc(callers[caller](), firestorePaths.shareOwner(codeOf("public")))));
      await assertFails(setDoc(doc(ownShares(caller, "alice"), "x".repeat(22)), { title: "t" }));
      await assertFails(updateDoc(doc(ownShares(caller, "alice"), codeOf("public")), { viewCount: 9 }));
      await assertFails(deleteDoc(doc(ownShares(caller, "alice"), codeOf("public"))));
    }
  });
});

describe("writes to shares/** (functions only)", () => {
  it.each(KINDS)("refuses create, update and delete of a %s share to everyone", async (kind) => {
    for (const caller of CALLERS) {
      const ref = shareDoc(caller, kind);
      await assertFails(
        setDoc(doc(callers[caller](), firestorePaths.share(`new${kind}`.padEnd(22, "Z"))), shareOf(kind)),
      );
      await assertFails(updateDoc(ref, { viewCount: 1000 }));
      await assertFails(
        updateDoc(ref, { revokedAt: null, expiresAt: Timestamp.fromMillis(Date.now() + 99 * HOUR) }),
      );
      await assertFails(deleteDoc(ref));
    }
  });
  it("keeps the secret part and the view shards from everyone, owner included", async () => {
    for (const caller of CALLERS) {
      for (const kind of KINDS) {
        const db = callers[caller]();
        await assertFails(getDoc(doc(db, firestorePaths.shareSecret(codeOf(kind)))));
        await assertFails(setDoc(doc(db, firestorePaths.shareSecret(codeOf(kind))), { password: null }));
        await assertFails(getDocs(collection(db, firestorePaths.shareViewShards(codeOf(kind)))));
        await assertFails(
          setDoc(doc(db, `${firestorePaths.shareViewShards(codeOf(kind))}/1`), { pending: 9 }),
        );
      }
    }
  });
});
