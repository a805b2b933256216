// Property-based fuzzing of every callable and of the share page's URL: malformed input gets a clean
// `invalid-argument` (or `unauthenticated`), never `internal`, and writes nothing; odd share URLs get
// a 404, never a server error. Malformed input never gets past the entry points' parse, so most of
// it is fed to that parse and error mapping in this process, and a share of it through the emulators.
import fc from "fast-check";
import { createUserWithEmailAndPassword } from "firebase/auth";
import { beforeAll, describe, expect, it } from "vitest";
import {
  callables,
  firestorePaths,
  type CallableContract,
  type ConversationData,
} from "../../client/src/index.js";
import { contentRecord, newSummaryRecord } from "../../client/src/schema/conversation-records.js";
import { parseInput, toHttpsError } from "../../functions/src/common/errors.js";
import { adminDb } from "../support/admin.js";
import { conversationData } from "../support/conversation-data.js";
import { functionUrl, clearAuth, clearFirestore, newClient } from "../support/emulators.js";
import { HOSTING, shareOf } from "../support/shares.js";

// Per callable: fixed-seed payloads drawn from every kind below (trees, deep chains, huge and
// binary strings, prototype keys), RUNS of them parsed here and the first EMULATOR_RUNS of those
// also sent through the Functions emulator (tens of milliseconds a call there). RUNS is also the
// number of odd share URLs. FUZZ_RUNS=1000 runs more of the same kinds.
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const EMULATOR_RUNS = 8;

/** JSON built by hand, so keys like "__proto__" reach the server as sent. */
type Json = null | boolean | number | string | Json[] | { entries: [string, Json][] };
const toJson = (value: Json): string =>
  value === null || typeof value !== "object"
    ? JSON.stringify(Number.isFinite(value) || typeof value !== "number" ? value : null)
    : Array.isArray(value)
      ? `[${value.map(toJson).join(",")}]`
      : `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(",")}}`;
const toValue = (value: Json): unknown =>
  value === null || typeof value !== "object"
    ? value
    : Array.isArray(value)
      ? value.map(toValue)
      : Object.fromEntries(value.entries.map(([k, v]) => [k, toValue(v)]));

function malformed(contract: CallableContract): fc.Arbitrary<Json> {
  const fields = Object.keys((contract.input as unknown as { shape?: object }).shape ?? {});
  const key = fc.oneof(
    fc.constantFrom("__proto__", "constructor", "prototype", ...fields),
    fc.string({ unit: "binary", maxLength: 20 }),
  );
  const leaf = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: "grapheme", minLength: 20_000, maxLength: 30_000 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  );
  const { tree } = fc.letrec<{ tree: Json }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.array(tie("tree"), { maxLength: 4 }),
      fc.array(fc.tuple(key, tie("tree")), { maxLength: 5 }).map((entries) => ({ entries })),
    ),
  }));
  // Deep nesting: a single chain of 100 to 300 levels.
  const deep = fc
    .integer({ min: 100, max: 300 })
    .map((depth) =>
      Array.from({ length: depth }).reduce<Json>((inner) => ({ entries: [["code", inner]] }), 1),
    );
  return fc.oneof(tree, deep).filter((payload) => !contract.input.safeParse(toValue(payload)).success);
}

/**
 * Runs `work` over `items` one at a time. The Functions emulator starts a worker (seconds of loading
 * the bundle) for each call that finds the function's workers busy: calls in parallel ran 5× slower.
 */
async function oneByOne<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await work(item));
  return results;
}

let idToken = "";
let fuzzerUid = "";
beforeAll(async () => {
  await Promise.all([clearFirestore(), clearAuth()]);
  const ts = newClient();
  const { user } = await createUserWithEmailAndPassword(ts.auth, "fuzzer@example.com", "password123");
  idToken = await user.getIdToken();
  fuzzerUid = user.uid;
});

/** The request body of a call, as the client SDK sends it. */
const bodyOf = (payload: Json) => `{"data":${toJson(payload)}}`;

/** What every entry point does first with a call's body (functions/src/common/callable.ts), here. */
function answerOfParse(contract: CallableContract, body: string): string {
  try {
    parseInput(contract.input, (JSON.parse(body) as { data: unknown }).data);
    return "accepted";
  } catch (error) {
    return toHttpsError(error).code;
  }
}

describe("callables under malformed input", () => {
  const cases = Object.values(callables).map((contract) => {
    const payloads = fc.sample(malformed(contract), { numRuns: RUNS, seed: 20261125 });
    return [contract.name, contract, payloads] as const;
  });

  it.each(cases)(
    `%s's parse refuses ${RUNS} generated payloads with invalid-argument, never internal`,
    (_, contract, payloads) => {
      expect(payloads).toHaveLength(RUNS);
      const answers = new Set(payloads.map((payload) => answerOfParse(contract, bodyOf(payload))));
      expect([...answers]).toEqual(["invalid-argument"]);
    },
  );

  it.each(cases)(
    `%s answers ${EMULATOR_RUNS} of them through the emulator with invalid-argument, never internal`,
    async (name, _, payloads) => {
      const answers = await oneByOne(payloads.slice(0, EMULATOR_RUNS), async (payload) => {
        const response = await fetch(functionUrl(name), {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${idToken}` },
          body: bodyOf(payload),
        });
        const body = (await response.json()) as { error?: { status?: string } };
        return `${response.status} ${body.error?.status ?? "no error"}`;
      });
      expect([...new Set(answers)]).toEqual(["400 INVALID_ARGUMENT"]);
    },
    60_000,
  );

  it("wrote nothing but the fuzzer's own profile", async () => {
    const db = adminDb();
    const collections = (await db.listCollections()).map((c) => c.id);
    expect(collections.filter((c) => c !== "users")).toEqual([]);
    const users = await db.collection("users").listDocuments();
    for (const user of users) expect((await user.listCollections()).map((c) => c.id)).toEqual([]);
  });
});

// Input that is well-formed JSON of the right shape but hostile in its text: a path or Firestore's
// reserved names where an id goes, JavaScript's prototype keys where a lookup key goes, control and
// non-Latin-1 characters where a header or CSS value goes. What the schema refuses is a 400; what
// it accepts is answered by the domain (4xx or 200) and never a server error of ours.
const PATH_LIKE = ["a/b", ".", "..", "__x__", "a//b/c", "/", "__name__", "%2F"];
const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];
const CONTROL_AND_WIDE = [
  "a\r\nb: c",
  "\u0000",
  "\u001f\u007f",
  "\u0085",
  "토큰",
  "é",
  "😀",
  "\u202e",
  "\ufeff",
];
const HOSTILE = [...PATH_LIKE, ...PROTOTYPE_KEYS, ...CONTROL_AND_WIDE];
const CODE = "A".repeat(22);
/** A valid payload of each callable: each of its strings in turn is replaced or suffixed by HOSTILE. */
const TEMPLATES = new Map<string, Record<string, unknown>>([
  ["kakaoSignIn", { accessToken: "token" }],
  ["createShare", { conversationId: "c1", password: "long enough" }],
  ["updateShare", { code: CODE, password: "long enough" }],
  ["revokeShare", { code: CODE }],
  ["regenerateShare", { code: CODE }],
  ["openShare", { code: CODE, password: "long enough" }],
  ["copySharedConversation", { code: CODE, password: "long enough" }],
  ["inviteToConversation", { conversationId: "c1", role: "editor" }],
  ["listInvites", { conversationId: "c1" }],
  ["revokeInvite", { code: CODE }],
  ["removeMember", { conversationId: "c1", uid: "u1" }],
  ["acceptInvite", { code: CODE }],
  ["previewInvite", { code: CODE }],
  ["listMembers", { conversationId: "c1", ownerUid: "u1" }],
  ["leaveConversation", { ownerUid: "u1", conversationId: "c1" }],
  ["saveVersion", { ownerUid: "u1", conversationId: "c1", name: "v1" }],
  ["restoreVersion", { ownerUid: "u1", conversationId: "c1", versionId: "r1" }],
]);
/** importConversations carries the caller's keys inside each item: its id, source and theme keys. */
const IMPORT_ITEM = {
  id: "p1",
  source: "talkstudio_projects",
  data: conversationData(2),
  projectCreatedAt: 0,
  projectUpdatedAt: 0,
};

function hostilePayloads(name: string): Record<string, unknown>[] {
  if (name === "importConversations") {
    const themed = (key: string) => ({
      items: [
        { ...IMPORT_ITEM, data: { ...IMPORT_ITEM.data, theme: { ...IMPORT_ITEM.data.theme, [key]: 1 } } },
      ],
    });
    return [
      ...["id", "source"].flatMap((field) =>
        HOSTILE.flatMap((text) => [
          { items: [{ ...IMPORT_ITEM, [field]: text }] },
          { items: [{ ...IMPORT_ITEM, [field]: `p1${text}` }] },
        ]),
      ),
      ...HOSTILE.flatMap((text) => [themed(text), themed(`k${text}`)]),
    ];
  }
  const template = TEMPLATES.get(name);
  if (!template) throw new Error(`No template for ${name}: add one.`);
  return Object.entries(template).flatMap(([field, valid]) =>
    HOSTILE.flatMap((text) => [
      { ...template, [field]: text },
      { ...template, [field]: `${String(valid)}${text}` },
    ]),
  );
}

describe("callables under hostile text", () => {
  it.each(Object.values(callables).map((c) => [c.name, c] as const))(
    "%s answers every path-like, prototype-named, control or non-Latin-1 string without a server error",
    async (name, contract) => {
      const answers = await oneByOne(hostilePayloads(name), async (payload) => {
        const response = await fetch(functionUrl(name), {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${idToken}` },
          body: JSON.stringify({ data: payload }),
        });
        const body = (await response.json()) as { error?: { status?: string } };
        return {
          payload,
          accepted: contract.input.safeParse(payload).success,
          status: response.status,
          body,
        };
      });
      // Refused input is invalid-argument; accepted input is the domain's business, never `internal`
      // (kakaoSignIn may say Kakao is unavailable: no Kakao runs for this file).
      const wrong = answers.filter(({ accepted, status, body }) =>
        accepted
          ? status >= 500 && !(name === "kakaoSignIn" && body.error?.status === "UNAVAILABLE")
          : status !== 400,
      );
      expect(wrong).toEqual([]);
    },
    120_000,
  );
});

describe("shares under hostile text", () => {
  // Every map of the theme gets the prototype keys as keys and every string the hostile texts.
  function hostileTheme(base: Record<string, unknown>, text: string): Record<string, unknown> {
    const visit = (value: unknown): unknown =>
      typeof value === "string"
        ? text
        : value !== null && typeof value === "object" && !Array.isArray(value)
          ? Object.fromEntries([
              ...Object.entries(value).map(([k, v]) => [k, visit(v)]),
              // "__proto__" cannot be stored: Firestore reserves field names of the form __x__.
              ...PROTOTYPE_KEYS.filter((k) => k !== "__proto__").map((k) => [k, text]),
            ])
          : value;
    // The keys the page's look reads (lookOf), whether or not the fixture has them.
    const looked = ["avatarShape", "backgroundType", "backgroundValue", "headerBg", "nameColor", "timeColor"];
    return {
      ...(visit(base) as Record<string, unknown>),
      ...Object.fromEntries(looked.map((key) => [key, text])),
      id: "kakao",
    };
  }
  const shares = (): Promise<string[]> =>
    Promise.all(
      [...PROTOTYPE_KEYS, ...CONTROL_AND_WIDE.slice(0, 2)].map((text) => {
        const data = conversationData(3);
        const hostile: ConversationData = {
          ...data,
          theme: hostileTheme(data.theme, text) as ConversationData["theme"],
          conversation: {
            ...data.conversation,
            authors: data.conversation.authors.map((a) => ({ ...a, name: `${a.name}${text}` })),
            messages: data.conversation.messages.map((m) => ({ ...m, text: `${text}${m.text}` })),
          },
        };
        return shareOf(hostile);
      }),
    );

  it("renders the page, the card and the download of each, none with a prototype's value in it", async () => {
    const codes = await shares();
    // One at a time: card and image renders are CPU-bound, and a loaded machine times out a burst.
    const answers = [];
    for (const path of codes.flatMap((code) => ["", "/card.png", "/download"].map((t) => `/s/${code}${t}`))) {
      const response = await fetch(`${HOSTING}${path}`);
      const body = Buffer.from(await response.arrayBuffer()).toString("latin1");
      answers.push({ path, status: response.status, native: body.includes("[native code]") });
    }
    expect(answers.filter(({ status, native }) => status !== 200 || native)).toEqual([]);
  }, 180_000);
});

describe("share URLs nobody made", () => {
  // The hostile-text tests above spent the per-address budgets (every request here shares one
  // address); these requests start on fresh ones.
  beforeAll(() => adminDb().recursiveDelete(adminDb().collection(firestorePaths.rateLimits)));
  const segment = fc.oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }).map(encodeURIComponent),
    fc.string({ unit: "binary", minLength: 1, maxLength: 30 }).map(encodeURIComponent),
    fc.string({ minLength: 200, maxLength: 1500 }).map(encodeURIComponent),
    fc.stringMatching(/^[A-Za-z0-9_-]{21,23}$/),
    fc.constantFrom("%2e%2e", "..%2F..%2Fetc%2Fpasswd", "%00", "%C0%AE", "%FF", "%EF%BF%BD", "%F0%9F%98%80"),
  );
  const segments = fc.sample(segment, { numRuns: RUNS, seed: 1125 }).filter((s) => s !== "_health");
  const statuses = (base: string, some: readonly string[]) =>
    oneByOne(some, async (s) => {
      const response = await fetch(`${base}/s/${s}`, { redirect: "manual" });
      await response.arrayBuffer();
      return [s, response.status] as const;
    });

  const decodes = (s: string) => {
    try {
      decodeURIComponent(s);
      return true;
    } catch {
      return false;
    }
  };

  it(`answer 404 from the page function, never a server error, for ${RUNS} odd codes`, async () => {
    const answers = await statuses(functionUrl("sharePage"), segments);
    // Invalid UTF-8 ("%C0%AE", "%FF") is refused with a 400 by the router in front of the function
    // (it cannot decode the path) before our code runs: a client error all the same.
    const expected = (s: string) => (decodes(s) ? 404 : 400);
    expect(answers.filter(([s, status]) => status !== expected(s))).toEqual([]);
  }, 120_000);

  // Through Hosting: a dot segment ("%2e%2e") is the parent path by URL rules, and invalid UTF-8 never
  // reaches the function — the emulator's static server fails to decode it (a 500 of firebase-tools'
  // own; production Hosting answers such URLs itself).
  const viaHosting = (s: string) => decodes(s) && !/^(\.|%2e){1,2}$/i.test(s);
  it("answer 404 through the Hosting rewrite for every code that decodes", async () => {
    const answers = await statuses(HOSTING, segments.filter(viaHosting));
    expect(answers.length).toBeGreaterThan(RUNS / 2);
    expect(answers.filter(([, status]) => status !== 404)).toEqual([]);
  }, 120_000);
});

describe("history callables on the caller's own conversation that the schema refuses", () => {
  it("answer hostile names and version ids, and restore, without a server error", async () => {
    const db = adminDb();
    const data = conversationData(2);
    const id = "broken";
    await db
      .doc(firestorePaths.conversation(fuzzerUid, id))
      .set({ ...newSummaryRecord(data, new Date()), revision: 2 });
    // A create (no state before it), so the trigger that undoes refused saves leaves it as it is.
    const bad = { ...data.conversation, messages: [{ id: "m1", text: 42 }] };
    await db.doc(firestorePaths.content(fuzzerUid, id)).set({ ...contentRecord(data, 2), conversation: bad });
    await db.doc(firestorePaths.version(fuzzerUid, id, "r1")).set({ revision: 1 });
    await db.doc(firestorePaths.versionSnapshot(fuzzerUid, id, "r1")).set(data);
    const ref = { ownerUid: fuzzerUid, conversationId: id };
    const calls: [string, Record<string, unknown>][] = [
      ["restoreVersion", { ...ref, versionId: "r1" }],
      ...HOSTILE.map((text): [string, Record<string, unknown>] => ["saveVersion", { ...ref, name: text }]),
      ...HOSTILE.map((text): [string, Record<string, unknown>] => [
        "restoreVersion",
        { ...ref, versionId: text },
      ]),
    ];
    const answers = [];
    for (const [name, payload] of calls) {
      const response = await fetch(functionUrl(name), {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${idToken}` },
        body: JSON.stringify({ data: payload }),
      });
      answers.push({ name, payload, status: response.status, body: (await response.json()) as unknown });
    }
    expect(answers[0]).toMatchObject({ status: 200 });
    expect(answers.filter(({ status }) => status >= 500)).toEqual([]);
  }, 60_000);
});
