// The migration's default path: every project in one or two importConversations requests, written
// server-side in bulk, with the same idempotence and report as the client's rules-checked batches.
import { createUserWithEmailAndPassword } from "firebase/auth";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { importConversations } from "../../functions/src/imports/import-conversations.js";
import { RATE_LIMIT_RULES } from "../../functions/src/rate-limit/rules.js";
import {
  firestorePaths,
  listConversations,
  migrateLocalStorage,
  RATE_LIMITS,
  type ImportItem,
  type TalkStudio,
} from "../../client/src/index.js";
import { adminDb } from "../support/admin.js";
import { conversationData } from "../support/conversation-data.js";
import { functionUrl, clearAuth, clearFirestore, closeClients, newClient } from "../support/emulators.js";
import { fixtureStorage, storageOf } from "../support/local-storage.js";
import { withLastingWindows } from "../support/rate-limits.js";

/** The fixtures hold 7 projects (one a duplicate) and 3 older-format conversations. */
const IMPORTABLE = 9;

let users = 0;
async function signedIn(): Promise<TalkStudio> {
  const ts = newClient();
  await createUserWithEmailAndPassword(ts.auth, `bulk${++users}@example.com`, "password123");
  return ts;
}

/** A raw callable request, as a client that skips the package's own input check would send it. */
async function callRaw(data: unknown, idToken?: string) {
  const response = await fetch(functionUrl("importConversations"), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(idToken ? { authorization: `Bearer ${idToken}` } : {}),
    },
    body: JSON.stringify({ data }),
  });
  return (await response.json()) as {
    result?: unknown;
    error?: { status: string; details?: { reason?: string } };
  };
}

const item = (id: string) => ({
  id,
  source: "talkstudio_projects",
  data: conversationData(2),
  projectCreatedAt: Date.parse("2024-03-05T10:00:00Z"),
  projectUpdatedAt: Date.parse("2024-03-06T10:00:00Z"),
});

beforeEach(async () => {
  await Promise.all([clearFirestore(), clearAuth()]);
});
afterAll(closeClients);

describe("migrateLocalStorage through importConversations", () => {
  it(`takes at most ${RATE_LIMITS.importRequestsPerUserPerHour} requests an hour from one user`, async () => {
    const ts = await withLastingWindows(signedIn, (user) => [
      { rule: RATE_LIMIT_RULES.importRequestsPerUser, key: user.auth.currentUser?.uid ?? "" },
    ]);
    const idToken = await ts.auth.currentUser?.getIdToken();
    for (let i = 0; i < RATE_LIMITS.importRequestsPerUserPerHour; i++) {
      expect((await callRaw({ items: [item("p1")] }, idToken)).error).toBeUndefined();
    }
    const refused = await callRaw({ items: [item("p2")] }, idToken);
    expect([refused.error?.status, refused.error?.details?.reason]).toEqual([
      "RESOURCE_EXHAUSTED",
      "rate-limited",
    ]);
  }, 60_000);

  it("imports each project once when two tabs migrate at the same time", async () => {
    const ts = await signedIn();
    const runs = await Promise.all([
      migrateLocalStorage(ts, storageOf(fixtureStorage())),
      migrateLocalStorage(ts, storageOf(fixtureStorage())),
    ]);
    expect(runs.flatMap((r) => r.failed)).toEqual([]);
    const imported = runs.flatMap((r) => r.imported.map((p) => p.conversationId));
    expect(new Set(imported).size).toBe(imported.length);
    expect(imported).toHaveLength(IMPORTABLE);
    for (const run of runs) {
      expect(run.imported.length + run.skipped.filter((s) => s.reason === "already-imported").length).toBe(
        IMPORTABLE,
      );
    }
    expect((await listConversations(ts, { pageSize: 100 })).items).toHaveLength(IMPORTABLE);
  });

  it("leaves the import budget as the client's rules-checked path expects it, both ways", async () => {
    const ts = await signedIn();
    const storage = fixtureStorage();
    const projects = JSON.parse(storage.get("talkstudio_projects") ?? "[]") as unknown[];
    const first = await migrateLocalStorage(
      ts,
      storageOf(new Map([["talkstudio_projects", JSON.stringify(projects.slice(0, 2))]])),
    );
    expect(first.imported).toHaveLength(2);
    // The client path after the function: its rules check the budget document the function wrote.
    const second = await migrateLocalStorage(ts, storageOf(storage), { via: "client" });
    expect(second.failed).toEqual([]);
    expect(second.imported).toHaveLength(IMPORTABLE - 2);
  });

  it("refuses a request that does not fit the schema, or comes from nobody", async () => {
    const ts = await signedIn();
    const idToken = await ts.auth.currentUser?.getIdToken();
    const tooLong = { ...item("p2"), data: { ...item("p2").data, title: "가".repeat(101) } };
    for (const bad of [
      { items: [item("p1"), tooLong] },
      { items: [item("a/b")] },
      { items: [item("p1"), item("p1")] },
    ]) {
      const answer = await callRaw(bad, idToken);
      expect(answer.error?.status).toBe("INVALID_ARGUMENT");
    }
    expect((await callRaw({ items: [item("p1")] })).error?.status).toBe("UNAUTHENTICATED");
    expect((await listConversations(ts)).items).toEqual([]);
  });

  it("refuses what Firestore cannot store as invalid, never internal, and spends no budget", async () => {
    const ts = await signedIn();
    const idToken = await ts.auth.currentUser?.getIdToken();
    const withTheme = (extra: Record<string, unknown>) => {
      const good = item("p2");
      return { ...good, data: { ...good.data, theme: { ...good.data.theme, ...extra } } };
    };
    const deep = Array.from({ length: 25 }).reduce<unknown>((inner) => ({ a: inner }), 1);
    for (const extra of [{ __x__: "1" }, { __name__: 1 }, { "": 1 }, { grid: [[1, 2]] }, { deep }]) {
      const answer = await callRaw({ items: [item("p1"), withTheme(extra)] }, idToken);
      expect(answer.error).toMatchObject({
        status: "INVALID_ARGUMENT",
        details: { reason: "invalid-input" },
      });
    }
    expect((await listConversations(ts)).items).toEqual([]);
    const budget = await adminDb()
      .doc(firestorePaths.throttle(ts.auth.currentUser!.uid, "conversationImports"))
      .get();
    expect(budget.get("count") ?? 0).toBe(0);
  });

  it("gives back the budget of every item not written, whatever stopped it", async () => {
    const db = adminDb();
    // Past the schema (the domain function called directly): Firestore itself refuses this one.
    const bad = item("p2") as unknown as ImportItem;
    const refused = { ...bad, data: { ...bad.data, theme: { ...bad.data.theme, __x__: "1" } } };
    await expect(
      importConversations(db, "importer", [item("p1") as unknown as ImportItem, refused], new Date()),
    ).rejects.toThrow();
    expect(
      (await db.doc(firestorePaths.throttle("importer", "conversationImports")).get()).get("count"),
    ).toBe(1);
    expect((await db.doc(firestorePaths.conversation("importer", "p1")).get()).exists).toBe(true);
  });

  it("never overwrites: a project already there is reported, not written", async () => {
    const ts = await signedIn();
    const idToken = await ts.auth.currentUser?.getIdToken();
    expect((await callRaw({ items: [item("p1")] }, idToken)).result).toEqual({
      imported: ["p1"],
      alreadyImported: [],
      overBudget: [],
    });
    const changed = { ...item("p1"), data: conversationData(5, "other") };
    expect((await callRaw({ items: [changed, item("p2")] }, idToken)).result).toEqual({
      imported: ["p2"],
      alreadyImported: ["p1"],
      overBudget: [],
    });
    const listed = await listConversations(ts);
    expect(listed.items.find((c) => c.id === "p1")).toMatchObject({
      messageCount: 2,
      importedFrom: "talkstudio_projects",
    });
  });
});
