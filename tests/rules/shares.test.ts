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
import { beforeEach, describe, it } from "vitest";
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
    ownerUid: "alice",
    conversationId: "c1",
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
      await setDoc(doc(db, firestorePaths.share(codeOf(kind))), shareOf(kind));
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
    "refuses a %s share to everyone but its owner",
    async (kind) => {
      await assertSucceeds(getDoc(shareDoc("owner", kind)));
      await assertFails(getDoc(shareDoc("other", kind)));
      await assertFails(getDoc(shareDoc("anonymous", kind)));
    },
  );
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

describe("list shares", () => {
  const sharesOf = (caller: Caller, ownerUid: string) =>
    getDocs(query(collection(callers[caller](), firestorePaths.shares), where("ownerUid", "==", ownerUid)));
  it("lets the owner list their own shares, of every kind", async () => {
    await assertSucceeds(sharesOf("owner", "alice"));
  });
  it("refuses listing anyone else's, or everything", async () => {
    await assertFails(sharesOf("other", "alice"));
    await assertFails(sharesOf("anonymous", "alice"));
    for (const caller of CALLERS)
      await assertFails(getDocs(collection(callers[caller](), firestorePaths.shares)));
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
