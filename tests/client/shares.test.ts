// Share links as the SPA uses them: the client module against the Functions, Firestore and Auth
// emulators (no admin SDK in this file: it would break the client's Firestore connection).
import { createUserWithEmailAndPassword } from "firebase/auth";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { TalkStudioError } from "../../client/src/index.js";
import {
  copySharedConversation,
  createConversation,
  createShare,
  deleteConversation,
  getConversation,
  listConversations,
  listShares,
  openShare,
  regenerateShare,
  revokeShare,
  saveConversation,
  SHARE_LIMITS,
  updateShare,
  type TalkStudio,
} from "../../client/src/index.js";
import { conversationData } from "../support/conversation-data.js";
import { clearAuth, clearFirestore, closeClients, newClient } from "../support/emulators.js";
import { eventually } from "../support/eventually.js";
import { failureOf } from "../support/failure.js";

let users = 0;
async function signedIn(): Promise<TalkStudio> {
  const ts = newClient();
  await createUserWithEmailAndPassword(ts.auth, `sharer${++users}@example.com`, "password123");
  return ts;
}

async function ownerWithConversation(messages = 4) {
  const owner = await signedIn();
  const data = conversationData(messages, "공유할 대화");
  const { id } = await createConversation(owner, data);
  return { owner, id, data };
}

beforeEach(async () => {
  await Promise.all([clearFirestore(), clearAuth()]);
});
afterAll(closeClients);

describe("createShare and openShare", () => {
  it("shares a copy anyone can open, with a 22-character code and a 7-day default expiry", async () => {
    const { owner, id, data } = await ownerWithConversation();
    const before = Date.now();
    const share = await createShare(owner, { conversationId: id });
    expect(share.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(share.url).toBe(`${owner.shareBaseUrl}/s/${share.code}`);
    const expiresIn = Date.parse(share.expiresAt) - before;
    expect(Math.abs(expiresIn - SHARE_LIMITS.defaultExpiryHours * 3_600_000)).toBeLessThan(60_000);

    const opened = await openShare(newClient(), share.code);
    expect(opened).toEqual({
      code: share.code,
      title: data.title,
      content: data,
      allowDownload: true,
      expiresAt: share.expiresAt,
    });
  });

  it("gives a conversation several links, each with its own code", async () => {
    const { owner, id } = await ownerWithConversation();
    const codes = new Set<string>();
    for (let i = 0; i < 3; i++) codes.add((await createShare(owner, { conversationId: id })).code);
    expect(codes.size).toBe(3);
  });

  it("asks for the password of a protected share and opens it with the right one", async () => {
    const { owner, id, data } = await ownerWithConversation();
    const { code } = await createShare(owner, {
      conversationId: id,
      password: "우리끼리비밀1234",
      allowDownload: false,
    });
    const viewer = newClient();
    expect(await failureOf(openShare(viewer, code))).toEqual({
      kind: "permission-denied",
      reason: "password-required",
    });
    expect(await failureOf(openShare(viewer, code, "wrong-one"))).toEqual({
      kind: "permission-denied",
      reason: "wrong-password",
    });
    const opened = await openShare(viewer, code, "우리끼리비밀1234");
    expect(opened).toMatchObject({ code, content: data, allowDownload: false });
  });

  it("tells apart unknown, revoked and expired links", async () => {
    const { owner, id } = await ownerWithConversation();
    const viewer = newClient();
    expect(await failureOf(openShare(viewer, "A".repeat(22)))).toEqual({
      kind: "not-found",
      reason: "share-not-found",
    });
    expect(await failureOf(openShare(viewer, "not a code"))).toEqual({
      kind: "not-found",
      reason: "share-not-found",
    });
    const { code } = await createShare(owner, { conversationId: id });
    await revokeShare(owner, code);
    expect(await failureOf(openShare(viewer, code))).toEqual({
      kind: "failed-precondition",
      reason: "share-revoked",
    });
  });

  it("refuses shares of conversations the caller does not own, and callers who are not signed in", async () => {
    const { id } = await ownerWithConversation();
    const stranger = await signedIn();
    expect(await failureOf(createShare(stranger, { conversationId: id }))).toEqual({
      kind: "not-found",
      reason: "conversation-not-found",
    });
    expect(await failureOf(createShare(newClient(), { conversationId: id }))).toEqual({
      kind: "not-signed-in",
      reason: "not-signed-in",
    });
  });

  it("checks settings before calling: expiry from 1 hour to 90 days, passwords of 8 to 128 characters", async () => {
    const { owner, id } = await ownerWithConversation();
    for (const bad of [
      { expiresInHours: 0 },
      { expiresInHours: SHARE_LIMITS.maxExpiryHours + 1 },
      { expiresInHours: 1.5 },
      { password: "1234567" },
      { password: "x".repeat(129) },
    ]) {
      expect((await failureOf(createShare(owner, { conversationId: id, ...bad }))).kind).toBe("invalid");
    }
    expect((await listShares(owner)).items).toEqual([]);
  });
});

describe("the owner's controls", () => {
  it("updates expiry, password and download, and the viewer sees each change", async () => {
    const { owner, id } = await ownerWithConversation();
    const { code } = await createShare(owner, { conversationId: id });
    const viewer = newClient();

    const withPassword = await updateShare(owner, { code, password: "open sesame", allowDownload: false });
    expect(withPassword).toMatchObject({ code, passwordProtected: true, allowDownload: false });
    expect((await failureOf(openShare(viewer, code))).reason).toBe("password-required");
    expect((await openShare(viewer, code, "open sesame")).allowDownload).toBe(false);

    const extended = await updateShare(owner, {
      code,
      expiresInHours: SHARE_LIMITS.maxExpiryHours,
      password: null,
    });
    expect(extended.passwordProtected).toBe(false);
    expect(Date.parse(extended.expiresAt)).toBeGreaterThan(Date.now() + 89 * 24 * 3_600_000);
    expect((await openShare(viewer, code)).code).toBe(code);
  });

  it("lets nobody else manage a share", async () => {
    const { owner, id } = await ownerWithConversation();
    const { code } = await createShare(owner, { conversationId: id });
    const stranger = await signedIn();
    expect(await failureOf(updateShare(stranger, { code, allowDownload: false }))).toEqual({
      kind: "not-found",
      reason: "share-not-found",
    });
    expect((await failureOf(revokeShare(stranger, code))).reason).toBe("share-not-found");
    expect((await failureOf(regenerateShare(stranger, code))).reason).toBe("share-not-found");
    expect((await openShare(newClient(), code)).code).toBe(code);
  });

  it("regenerates a leaked link: the old code stops, the new one keeps the password", async () => {
    const { owner, id } = await ownerWithConversation();
    const old = await createShare(owner, { conversationId: id, password: "pass-word" });
    const fresh = await regenerateShare(owner, old.code);
    expect(fresh.code).not.toBe(old.code);
    const viewer = newClient();
    expect((await failureOf(openShare(viewer, old.code, "pass-word"))).reason).toBe("share-revoked");
    expect((await openShare(viewer, fresh.code, "pass-word")).code).toBe(fresh.code);
  });

  it("lists the owner's shares newest first, in pages, optionally for one conversation", async () => {
    const { owner, id } = await ownerWithConversation();
    const { id: other } = await createConversation(owner, conversationData(2, "다른 대화"));
    const made: string[] = [];
    for (const conversationId of [id, other, id, other, id]) {
      made.push((await createShare(owner, { conversationId })).code);
    }
    const first = await listShares(owner, { pageSize: 2 });
    const second = await listShares(owner, { pageSize: 2, after: first.next });
    const third = await listShares(owner, { pageSize: 2, after: second.next });
    expect([...first.items, ...second.items, ...third.items].map((s) => s.code)).toEqual(made.reverse());
    expect(third.next).toBeNull();
    const ofOne = await listShares(owner, { conversationId: other });
    expect(ofOne.items.map((s) => s.conversationId)).toEqual([other, other]);
    expect((await listShares(await signedIn())).items).toEqual([]);
    for (const after of ["not json", "[1,2]", '[1.5,0,"x"]', '{"a":1}']) {
      expect(await failureOf(listShares(owner, { after }))).toMatchObject({ kind: "invalid" });
    }
  });
});

describe("shares follow their conversation", () => {
  it("shows a save within seconds, password shares included", async () => {
    const { owner, id, data } = await ownerWithConversation();
    const open = await createShare(owner, { conversationId: id });
    const locked = await createShare(owner, { conversationId: id, password: "87651234" });
    const edited = { ...data, title: "고친 제목", conversation: { ...data.conversation, title: "새 방" } };
    await saveConversation(owner, id, edited, 1);
    const viewer = newClient();
    await eventually(async () =>
      (await openShare(viewer, open.code)).title === "고친 제목" ? true : undefined,
    );
    expect((await openShare(viewer, open.code)).content).toEqual(edited);
    expect((await openShare(viewer, locked.code, "87651234")).content).toEqual(edited);
  });

  it("revokes every share of a deleted conversation", async () => {
    const { owner, id } = await ownerWithConversation();
    const { code } = await createShare(owner, { conversationId: id });
    await deleteConversation(owner, id);
    const viewer = newClient();
    // Until the trigger has run the share still opens: poll until it answers share-revoked.
    const revoked = () =>
      openShare(viewer, code).then(
        () => undefined,
        (error: TalkStudioError) => (error.reason === "share-revoked" ? true : undefined),
      );
    await eventually(revoked);
    const [listed] = (await listShares(owner)).items;
    expect(listed?.code).toBe(code);
    expect(Date.parse(listed?.revokedAt ?? "")).toBeGreaterThan(0);
  });
});

describe("copySharedConversation", () => {
  it("copies a share into the viewer's own conversations, remembering where it came from", async () => {
    const { owner, id, data } = await ownerWithConversation(6);
    const { code } = await createShare(owner, { conversationId: id, password: "copy me please" });
    const viewer = await signedIn();
    const { conversationId } = await copySharedConversation(viewer, code, "copy me please");
    const copy = await getConversation(viewer, conversationId);
    expect(copy).toMatchObject({ revision: 1, copiedFromShare: code, importedFrom: null, ...data });
    // The copy is the viewer's to edit: the rules accept its next save.
    await saveConversation(viewer, conversationId, { ...data, title: "내 사본" }, 1);
    expect((await listConversations(viewer)).items.map((c) => c.title)).toEqual(["내 사본"]);
  });

  it("needs a signed-in viewer, the password, and a share that allows download", async () => {
    const { owner, id } = await ownerWithConversation();
    const locked = await createShare(owner, { conversationId: id, password: "secret words" });
    const noDownload = await createShare(owner, { conversationId: id, allowDownload: false });
    const viewer = await signedIn();
    expect((await failureOf(copySharedConversation(newClient(), locked.code, "secret words"))).kind).toBe(
      "not-signed-in",
    );
    expect((await failureOf(copySharedConversation(viewer, locked.code))).reason).toBe("password-required");
    expect(await failureOf(copySharedConversation(viewer, noDownload.code))).toEqual({
      kind: "failed-precondition",
      reason: "download-not-allowed",
    });
    expect((await listConversations(viewer)).items).toEqual([]);
  });
});
