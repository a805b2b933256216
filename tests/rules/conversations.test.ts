import { assertFails, assertSucceeds } from "@firebase/rules-unit-testing";
import {
  collection,
  collectionGroup,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  increment,
  limit,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  Timestamp,
  updateDoc,
  writeBatch,
  type DocumentData,
  type Firestore,
} from "firebase/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import {
  summaryForCreate,
  summaryForSave,
  type ImportOrigin,
} from "../../client/src/conversations/records.js";
import { contentRecord } from "../../client/src/schema/conversation-records.js";
import { LIMITS, MAX_DOCUMENT_BYTES, RATE_LIMITS, type ConversationData } from "../../client/src/index.js";
import { conversationData, conversationOfBytes } from "../support/conversation-data.js";
import { withoutRulesCoverage } from "../support/rules-coverage.js";
import { useRulesTestEnvironment } from "../support/rules.js";
import { saveIdsOf } from "../support/save-ids.js";

const env = useRulesTestEnvironment();
const summaryPath = (uid: string, id: string) => `users/${uid}/conversations/${id}`;
const contentPath = (uid: string, id: string) => `users/${uid}/conversations/${id}/content/current`;

interface CreateOptions {
  data?: ConversationData;
  summary?: DocumentData;
  content?: DocumentData;
  origin?: ImportOrigin;
  /** How the batch credits a throttle; default as the client does (continue or open the window, or imports). */
  throttle?: "continue-window" | "new-window" | "imports" | "none";
}

async function throttleExists(path: string): Promise<boolean> {
  let exists = false;
  await env().withSecurityRulesDisabled(async (ctx) => {
    exists = (await getDoc(doc(ctx.firestore() as unknown as Firestore, path))).exists();
  });
  return exists;
}

/** The batch a create sends: summary + content + throttle credit, with any field overridden. */
async function createBatch(db: Firestore, uid: string, id: string, options: CreateOptions = {}) {
  const data = options.data ?? conversationData();
  const batch = writeBatch(db);
  batch.set(doc(db, summaryPath(uid, id)), { ...summaryForCreate(data, options.origin), ...options.summary });
  batch.set(doc(db, contentPath(uid, id)), { ...contentRecord(data, 1), ...options.content });
  const createsPath = `users/${uid}/throttles/conversationCreates`;
  const throttle =
    options.throttle ??
    (options.origin ? "imports" : (await throttleExists(createsPath)) ? "continue-window" : "new-window");
  const now = serverTimestamp();
  const credit = { count: increment(1), ids: [id], updatedAt: now };
  if (throttle === "continue-window") {
    batch.set(doc(db, createsPath), credit, { merge: true });
  } else if (throttle === "new-window") {
    batch.set(doc(db, createsPath), { windowStart: now, count: 1, ids: [id], updatedAt: now });
  } else if (throttle === "imports") {
    batch.set(doc(db, `users/${uid}/throttles/conversationImports`), credit, { merge: true });
  }
  return batch.commit();
}

/** A save as the client sends it (by the owner `uid` unless `saver` says who). */
function saveBatch(
  db: Firestore,
  uid: string,
  id: string,
  revision: number,
  data = conversationData(7),
  saver = uid,
) {
  const batch = writeBatch(db);
  batch.update(doc(db, summaryPath(uid, id)), summaryForSave(data, revision));
  batch.update(doc(db, contentPath(uid, id)), {
    ...contentRecord(data, revision),
    ...saveIdsOf(saver, revision),
  });
  return batch.commit();
}

// rules-unit-testing types its contexts with the compat API; at runtime they are modular Firestores.
const as = (uid: string) => env().authenticatedContext(uid).firestore() as unknown as Firestore;
const anonymous = () => env().unauthenticatedContext().firestore() as unknown as Firestore;
const past = new Date("2023-05-01T09:00:00Z");
const importOrigin: ImportOrigin = {
  importedFrom: "talkstudio_projects",
  projectCreatedAt: past,
  projectUpdatedAt: new Date("2023-06-01T09:00:00Z"),
};

async function seed(path: string, data: DocumentData) {
  await env().withSecurityRulesDisabled((ctx) =>
    setDoc(doc(ctx.firestore() as unknown as Firestore, path), data),
  );
}

beforeEach(async () => {
  await env().clearFirestore();
  await createBatch(as("alice"), "alice", "c1");
});

describe("conversations: get and list", () => {
  it("lets the owner get the summary and the content and list their own collection", async () => {
    await assertSucceeds(getDoc(doc(as("alice"), summaryPath("alice", "c1"))));
    await assertSucceeds(getDoc(doc(as("alice"), contentPath("alice", "c1"))));
    const list = query(
      collection(as("alice"), "users/alice/conversations"),
      orderBy("projectUpdatedAt", "desc"),
    );
    await assertSucceeds(getDocs(list));
  });
  it("refuses other users and anonymous callers every read", async () => {
    for (const db of [as("bob"), anonymous()]) {
      await assertFails(getDoc(doc(db, summaryPath("alice", "c1"))));
      await assertFails(getDoc(doc(db, contentPath("alice", "c1"))));
      await assertFails(getDocs(query(collection(db, "users/alice/conversations"), limit(5))));
    }
  });
  it("refuses queries across users, even the owner's", async () => {
    await assertFails(getDocs(query(collectionGroup(as("alice"), "conversations"), limit(5))));
    await assertFails(getDocs(query(collectionGroup(as("alice"), "content"), limit(5))));
  });
  it("does not let anyone list content documents (bodies are read one by one)", async () => {
    await assertFails(getDocs(collection(as("alice"), "users/alice/conversations/c1/content")));
  });
});

describe("conversations: create", () => {
  it("accepts a valid create from the owner, as large as the schema allows", async () => {
    const data = { ...conversationOfBytes(MAX_DOCUMENT_BYTES - 400), title: "가".repeat(LIMITS.titleChars) };
    await withoutRulesCoverage(() => assertSucceeds(createBatch(as("alice"), "alice", "c2", { data })));
  });
  it("refuses too many messages", async () => {
    const data = conversationData(LIMITS.messages + 1);
    await withoutRulesCoverage(() => assertFails(createBatch(as("alice"), "alice", "c2", { data })));
  });
  it("refuses other users and anonymous callers", async () => {
    await assertFails(createBatch(as("bob"), "alice", "c2"));
    await assertFails(createBatch(anonymous(), "alice", "c2"));
  });
  it("refuses a summary or content written alone, or a create the throttle did not credit", async () => {
    const db = as("alice");
    const data = conversationData();
    await assertFails(setDoc(doc(db, summaryPath("alice", "c2")), summaryForCreate(data)));
    await assertFails(setDoc(doc(db, contentPath("alice", "c2")), contentRecord(data, 1)));
    await assertFails(createBatch(db, "alice", "c2", { throttle: "none" }));
  });
  it.each<[string, CreateOptions]>([
    [
      "an unknown platform skin",
      {
        data: {
          ...conversationData(),
          conversation: { ...conversationData().conversation, platformSkin: "line" as "kakao" },
        },
      },
    ],
    ["a title over the limit", { data: conversationData(5, "가".repeat(LIMITS.titleChars + 1)) }],
    ["an extra summary key", { summary: { ownerUid: "alice" } }],
    ["an extra content key", { content: { html: "<b>x</b>" } }],
    ["save ids already", { content: { writes: { "1": "a" } } }],
    ["a saver's id already", { content: { lastWriteBy: { alice: "a" } } }],
    ["a message count that disagrees with the content", { summary: { messageCount: 4 } }],
    ["a summary title that disagrees with the content", { summary: { title: "other" } }],
    ["a first revision other than 1", { summary: { revision: 2 }, content: { revision: 2 } }],
    ["a createdAt in the past", { summary: { createdAt: Timestamp.fromDate(past) } }],
    [
      "a past project time without being an import",
      { summary: { projectCreatedAt: Timestamp.fromDate(past) } },
    ],
    ["a battery over 100", { content: { statusBar: { time: "12:30", battery: 101, isWifi: true } } }],
    [
      "an unread count over the limit",
      {
        data: {
          ...conversationData(),
          conversation: { ...conversationData().conversation, unreadCount: 1000 },
        },
      },
    ],
  ])("refuses %s", async (_name, options) => {
    await assertFails(createBatch(as("alice"), "alice", "c2", options));
  });
});

describe("conversations: create under a chosen id (the SPA's project id)", () => {
  it("accepts a project id up to the id limit", async () => {
    await assertSucceeds(createBatch(as("alice"), "alice", "proj_1741921858359_2k7f6hq"));
    await assertSucceeds(createBatch(as("alice"), "alice", "p".repeat(LIMITS.idChars)));
  });
  it("refuses an id longer than the id limit", async () => {
    await assertFails(createBatch(as("alice"), "alice", "p".repeat(LIMITS.idChars + 1)));
  });
  it("leaves reserved ids to Firestore, which refuses them before any rule", async () => {
    await expect(createBatch(as("alice"), "alice", "__proj__")).rejects.toMatchObject({
      code: "invalid-argument",
    });
  });
  it("never overwrites a conversation that has the id already", async () => {
    // c1 exists (beforeEach): a create's batch under its id is an update the rules refuse.
    await assertFails(createBatch(as("alice"), "alice", "c1", { data: conversationData(3, "other") }));
    await assertFails(createBatch(as("alice"), "alice", "c1", { origin: importOrigin }));
  });
  it("lets another user use the same id under their own path only", async () => {
    await assertSucceeds(createBatch(as("bob"), "bob", "c1"));
    await assertFails(createBatch(as("bob"), "alice", "c1"));
  });
});

describe("conversations: ids", () => {
  // ".", "..", "__x__" and "a/b" never reach the rules: Firestore refuses them as document names.
  it.each(["a.b", "x".repeat(65), "한글", "a b", "a\nb", "a:b"])(
    "refuses a conversation created under the id %j",
    async (id) => {
      await assertFails(createBatch(as("alice"), "alice", id));
    },
  );
  it("accepts the ids the product makes: auto-ids, import hashes, underscores inside", async () => {
    await assertSucceeds(createBatch(as("alice"), "alice", "Ab3_x-Y9"));
    await assertSucceeds(createBatch(as("alice"), "alice", `ls-p-${"0".repeat(32)}`));
    await assertSucceeds(createBatch(as("alice"), "alice", "__x_"));
  });
});

describe("conversations: a closed account", () => {
  beforeEach(() => seed("closedAccounts/alice", { cause: "deleted" }));
  it("can neither create nor save, but may still delete its own", async () => {
    const db = as("alice");
    await assertFails(createBatch(db, "alice", "c2"));
    await assertFails(createBatch(db, "alice", "c3", { origin: importOrigin }));
    await assertFails(saveBatch(db, "alice", "c1", 2));
    const batch = writeBatch(db);
    batch.delete(doc(db, summaryPath("alice", "c1")));
    batch.delete(doc(db, contentPath("alice", "c1")));
    await assertSucceeds(batch.commit());
  });
  it("does not stop anyone else, and nobody reads or writes a tombstone", async () => {
    await assertSucceeds(createBatch(as("bob"), "bob", "c2"));
    await assertFails(getDoc(doc(as("alice"), "closedAccounts/alice")));
    await assertFails(setDoc(doc(as("bob"), "closedAccounts/bob"), { cause: "x" }));
    await assertFails(deleteDoc(doc(as("alice"), "closedAccounts/alice")));
  });
});

describe("conversations: save (revision)", () => {
  it("accepts revision + 1 with summary and content together", async () => {
    await assertSucceeds(saveBatch(as("alice"), "alice", "c1", 2));
    await assertSucceeds(saveBatch(as("alice"), "alice", "c1", 3));
  });
  it("refuses a stale or skipped revision (no silent overwrite)", async () => {
    await assertSucceeds(saveBatch(as("alice"), "alice", "c1", 2));
    await assertFails(saveBatch(as("alice"), "alice", "c1", 2));
    await assertFails(saveBatch(as("alice"), "alice", "c1", 4));
  });
  it("refuses a save with invalid data, even at the right revision", async () => {
    const db = as("alice");
    await withoutRulesCoverage(() =>
      assertFails(saveBatch(db, "alice", "c1", 2, conversationData(LIMITS.messages + 1))),
    );
    const data = conversationData(7);
    const batch = writeBatch(db);
    batch.update(doc(db, summaryPath("alice", "c1")), summaryForSave(data, 2));
    batch.update(doc(db, contentPath("alice", "c1")), {
      ...contentRecord(data, 2),
      statusBar: { time: 1230 },
      ...saveIdsOf("alice", 2),
    });
    await assertFails(batch.commit());
    await assertSucceeds(saveBatch(db, "alice", "c1", 2));
  });
  it("refuses half a save", async () => {
    const db = as("alice");
    const data = conversationData(7);
    await assertFails(updateDoc(doc(db, summaryPath("alice", "c1")), summaryForSave(data, 2)));
    await assertFails(setDoc(doc(db, contentPath("alice", "c1")), contentRecord(data, 2)));
  });
  it("refuses rewriting creation times or the import origin", async () => {
    const db = as("alice");
    const data = conversationData(7);
    for (const change of [
      { createdAt: Timestamp.fromDate(past) },
      { projectCreatedAt: Timestamp.fromDate(past) },
      { importedFrom: "talkstudio_projects" },
    ]) {
      const batch = writeBatch(db);
      batch.update(doc(db, summaryPath("alice", "c1")), { ...summaryForSave(data, 2), ...change });
      batch.update(doc(db, contentPath("alice", "c1")), {
        ...contentRecord(data, 2),
        ...saveIdsOf("alice", 2),
      });
      await assertFails(batch.commit());
    }
  });
  const saveAs = (db: Firestore, revision: number, writes: DocumentData) => {
    const data = conversationData(7);
    const batch = writeBatch(db);
    batch.update(doc(db, summaryPath("alice", "c1")), summaryForSave(data, revision));
    batch.update(doc(db, contentPath("alice", "c1")), { ...contentRecord(data, revision), ...writes });
    return batch.commit();
  };
  const save = (revision: number, writes: DocumentData) => saveAs(as("alice"), revision, writes);
  const slot = (revision: number) => `writes.${revision % LIMITS.writeSlots}`;
  /** A save's ids: `id` in its slot and under tab `tab` of `saver`'s map, `saver` as `savedBy`. */
  const ids = (revision: number, id: unknown, saver = "alice", tab = "t1") => ({
    [slot(revision)]: id,
    [`lastWriteBy.${saver}.${tab}`]: id,
    savedBy: saver,
  });
  const setAsAdmin = (fields: DocumentData) =>
    env().withSecurityRulesDisabled((ctx) =>
      updateDoc(doc(ctx.firestore() as unknown as Firestore, contentPath("alice", "c1")), fields),
    );
  const content = async () => {
    let data: DocumentData = {};
    await env().withSecurityRulesDisabled(async (ctx) => {
      data = (await getDoc(doc(ctx.firestore() as unknown as Firestore, contentPath("alice", "c1")))).data()!;
    });
    return data;
  };

  it("lets a save set its own slot of `writes` and one entry of its own `lastWriteBy` map, to one new id", async () => {
    const long = "b".repeat(LIMITS.writeIdChars);
    await assertSucceeds(save(2, ids(2, "a".repeat(LIMITS.writeIdChars))));
    await assertFails(save(3, ids(3, long + "b")));
    await assertFails(save(3, { ...ids(3, "b"), [slot(4)]: "c" }));
    await assertFails(save(3, ids(2, "b")));
    await assertFails(save(3, ids(3, 5)));
    await assertFails(save(3, ids(3, "")));
    await assertFails(save(3, { ...ids(3, "b"), "writes.x": "b" }));
    await assertFails(save(3, { ...ids(3, "b"), writes: "b" }));
    // Both places, the same id: the tab finds its save, and `savedBy` names the saver.
    await assertFails(save(3, {}));
    await assertFails(save(3, { [slot(3)]: "b", savedBy: "alice" }));
    await assertFails(save(3, { "lastWriteBy.alice.t1": "b", savedBy: "alice" }));
    await assertFails(save(3, { ...ids(3, "b"), "lastWriteBy.alice.t1": "c" }));
    await assertFails(save(3, { ...ids(3, "b"), savedBy: "bob" }));
    // One entry of the saver's own map, no other.
    await assertFails(save(3, { ...ids(3, "b"), "lastWriteBy.alice.t2": "b" }));
    await assertFails(save(3, { ...ids(3, "b"), "lastWriteBy.bob.t1": "b" }));
    await assertFails(save(3, { ...ids(3, "b"), lastWriteBy: "b" }));
    await assertFails(save(3, { ...ids(3, "b"), "lastWriteBy.alice": "b" }));
    await assertFails(save(3, ids(3, "b", "bob")));
    // A new id: not one an entry or a slot holds already.
    await assertSucceeds(save(3, ids(3, long)));
    await assertFails(save(4, ids(4, long, "alice", "t2")));
    await assertSucceeds(save(4, ids(4, "c")));
    await assertFails(save(5, ids(5, "c", "alice", "t2")));
    await setAsAdmin({ "lastWriteBy.bob": "d" });
    await assertFails(save(5, ids(5, "d")));
    await assertSucceeds(save(5, ids(5, "e")));
    expect((await content()).lastWriteBy).toEqual({ alice: { t1: "e" }, bob: "d" });
  });

  it(`keeps at most ${LIMITS.tabsPerSaver} tabs per saver: a full map starts over with one entry`, async () => {
    const tabs = Array.from({ length: LIMITS.tabsPerSaver }, (_, i) => `t${i}`);
    for (const [i, tab] of tabs.entries())
      await assertSucceeds(save(2 + i, ids(2 + i, `id${i}`, "alice", tab)));
    const revision = 2 + tabs.length;
    await assertFails(save(revision, ids(revision, "new", "alice", "extra")));
    // A tab already in the full map keeps saving into its entry.
    await assertSucceeds(save(revision, ids(revision, "again", "alice", "t3")));
    const next = { [slot(revision + 1)]: "new", savedBy: "alice" };
    await assertFails(save(revision + 1, { ...next, "lastWriteBy.alice": { extra: "new", t0: "id0" } }));
    await assertFails(save(revision + 1, { ...next, "lastWriteBy.alice": { extra: "other" } }));
    await assertFails(save(revision + 1, { ...next, "lastWriteBy.alice": { ["x".repeat(21)]: "new" } }));
    await assertSucceeds(save(revision + 1, { ...next, "lastWriteBy.alice": { extra: "new" } }));
    expect((await content()).lastWriteBy).toEqual({ alice: { extra: "new" } });
  });

  it("refuses a tab id that is not a short id", async () => {
    await assertFails(save(2, ids(2, "a", "alice", "x".repeat(LIMITS.writeIdChars + 1))));
    await assertFails(save(2, ids(2, "a", "alice", "a b")));
    await assertFails(save(2, { [slot(2)]: "a", savedBy: "alice", "lastWriteBy.alice": { "a.b": "a" } }));
    await assertSucceeds(save(2, ids(2, "a", "alice", "x".repeat(LIMITS.writeIdChars))));
  });

  it("takes an older document's id under the saver's uid into the new shape", async () => {
    await setAsAdmin({ "lastWriteBy.alice": "old", "lastWriteBy.bob": "theirs" });
    await assertSucceeds(save(2, ids(2, "a")));
    expect((await content()).lastWriteBy).toEqual({ alice: { t1: "a" }, bob: "theirs" });
    await setAsAdmin({ "lastWriteBy.alice": "old" });
    await assertSucceeds(save(3, { [slot(3)]: "b", savedBy: "alice", "lastWriteBy.alice": { t2: "b" } }));
  });

  it("refuses other users and anonymous callers", async () => {
    await assertFails(saveBatch(as("bob"), "alice", "c1", 2));
    await assertFails(saveBatch(anonymous(), "alice", "c1", 2));
  });
});

describe("conversations: delete", () => {
  const deleteBoth = (db: Firestore) => {
    const batch = writeBatch(db);
    batch.delete(doc(db, contentPath("alice", "c1")));
    batch.delete(doc(db, summaryPath("alice", "c1")));
    return batch.commit();
  };
  it("lets the owner delete summary and content together, not one alone", async () => {
    await assertFails(deleteDoc(doc(as("alice"), summaryPath("alice", "c1"))));
    await assertFails(deleteDoc(doc(as("alice"), contentPath("alice", "c1"))));
    await assertSucceeds(deleteBoth(as("alice")));
  });
  it("refuses other users and anonymous callers", async () => {
    await assertFails(deleteBoth(as("bob")));
    await assertFails(deleteBoth(anonymous()));
  });
});

describe("creation throttle", () => {
  const throttlePath = "users/alice/throttles/conversationCreates";
  it(`refuses create number ${RATE_LIMITS.conversationCreatesPerUserPerMinute + 1} within the minute`, async () => {
    const db = as("alice");
    const full = {
      windowStart: Timestamp.now(),
      count: RATE_LIMITS.conversationCreatesPerUserPerMinute,
      ids: ["x"],
      updatedAt: Timestamp.now(),
    };
    await seed(throttlePath, full);
    // Neither continuing the full window nor opening a new one is allowed.
    const next = writeBatch(db);
    next.set(doc(db, summaryPath("alice", "c2")), summaryForCreate(conversationData()));
    next.set(doc(db, contentPath("alice", "c2")), contentRecord(conversationData(), 1));
    next.set(doc(db, throttlePath), {
      ...full,
      count: full.count + 1,
      ids: ["c2"],
      updatedAt: serverTimestamp(),
    });
    await assertFails(next.commit());
    await assertFails(createBatch(db, "alice", "c2", { throttle: "new-window" }));
  });
  it("opens a new window once the last one is a minute old", async () => {
    const old = Timestamp.fromMillis(Date.now() - 61_000);
    await seed(throttlePath, { windowStart: old, count: 30, ids: ["x"], updatedAt: old });
    await assertSucceeds(createBatch(as("alice"), "alice", "c2", { throttle: "new-window" }));
  });
  it("refuses a credit that does not add up, and never lets the throttle be deleted", async () => {
    const db = as("alice");
    const now = serverTimestamp();
    await assertFails(
      setDoc(doc(db, throttlePath), { windowStart: now, count: 0, ids: ["a", "b"], updatedAt: now }),
    );
    await assertFails(
      setDoc(doc(db, throttlePath), { windowStart: now, count: 2, ids: ["a", "a"], updatedAt: now }),
    );
    await assertFails(deleteDoc(doc(db, throttlePath)));
    await assertFails(
      setDoc(doc(as("bob"), throttlePath), { windowStart: now, count: 1, ids: ["a"], updatedAt: now }),
    );
  });
});

describe("imports", () => {
  it("keep the project's own past times and spend the import budget, not the minute", async () => {
    await seed("users/alice/throttles/conversationCreates", {
      windowStart: Timestamp.now(),
      count: 30,
      ids: ["x"],
      updatedAt: Timestamp.now(),
    });
    await assertSucceeds(createBatch(as("alice"), "alice", "c2", { origin: importOrigin }));
  });
  it("refuse project times in the future or out of order, and an unknown source", async () => {
    const future = new Date(Date.now() + 3_600_000);
    const db = as("alice");
    await assertFails(
      createBatch(db, "alice", "c2", { origin: { ...importOrigin, projectUpdatedAt: future } }),
    );
    await assertFails(
      createBatch(db, "alice", "c2", {
        origin: { ...importOrigin, projectCreatedAt: new Date("2023-07-01") },
      }),
    );
    await assertFails(
      createBatch(db, "alice", "c2", { origin: importOrigin, summary: { importedFrom: "cookies" } }),
    );
  });
  it("refuse an import that the import budget did not credit", async () => {
    await assertFails(
      createBatch(as("alice"), "alice", "c2", { origin: importOrigin, throttle: "continue-window" }),
    );
  });
  it("stop at the lifetime import budget", async () => {
    const spent = LIMITS.importedConversationsPerUser;
    await seed("users/alice/throttles/conversationImports", {
      count: spent,
      ids: ["x"],
      updatedAt: Timestamp.now(),
    });
    await assertFails(createBatch(as("alice"), "alice", "c2", { origin: importOrigin }));
  });
});
