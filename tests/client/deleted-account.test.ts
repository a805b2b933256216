// A deleted account's other tab: its ID token stays valid for up to an hour after the deletion,
// so the rules and the callables must refuse it themselves. Two client apps of one user, as two
// browser tabs (no admin SDK in this file: it would break the client's Firestore connection).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  createConversation,
  createShare,
  deleteAccount,
  getMyProfile,
  listConversations,
  listShares,
} from "../../client/src/index.js";
import { conversationData } from "../support/conversation-data.js";
import { clearAuth, clearFirestore, closeClients, newClient } from "../support/emulators.js";
import { eventually } from "../support/eventually.js";
import { failureOf } from "../support/failure.js";
import { signInWithFakeGoogle } from "../support/sign-in.js";

beforeEach(async () => {
  await Promise.all([clearAuth(), clearFirestore()]);
});
afterAll(closeClients);

describe("a deleted account's other tab", () => {
  it(
    "can neither write nor publish once the cleanup ran, and nothing of it is public",
    { timeout: 60_000 },
    async () => {
      const leaving = newClient();
      const otherTab = newClient();
      await signInWithFakeGoogle(leaving, { sub: "two-tabs", name: "Two tabs" });
      await signInWithFakeGoogle(otherTab, { sub: "two-tabs", name: "Two tabs" });
      await eventually(async () => ((await getMyProfile(otherTab)) ? true : undefined));
      const { id } = await createConversation(otherTab, conversationData(3));

      await deleteAccount(leaving);
      // The cleanup trigger has run once the profile is gone (the other tab can still read its own).
      // An auth trigger's worker may start cold, and on a loaded machine that took over 10 s in CI.
      await eventually(async () => ((await getMyProfile(otherTab)) === null ? true : undefined), 30_000);

      await expect(createConversation(otherTab, conversationData(2))).rejects.toBeDefined();
      expect(await failureOf(createShare(otherTab, { conversationId: id }))).toEqual({
        kind: "not-signed-in",
        reason: "account-closed",
      });
      expect((await listConversations(otherTab)).items).toEqual([]);
      expect((await listShares(otherTab)).items).toEqual([]);
    },
  );
});
