// The cost model's counts (docs/cost.md): each user action run against the emulators and measured
// — Firestore documents read and written by the client (its SDK's protocol log), function calls,
// and the reads and writes the functions made (their log lines, which count them in the demo
// project) — then priced per month for a stated usage profile.
import { readFileSync } from "node:fs";
import {
  acceptInvite,
  createConversation,
  createShare,
  getConversation,
  inviteToConversation,
  joinPresence,
  listConversations,
  migrateLocalStorage,
  openShare,
  saveConversation,
  watchConversation,
  watchPresence,
  type TalkStudio,
} from "../client/src/index.js";
import { emulatorHosts } from "../dev/emulators.js";
import { localStorageProject } from "./local-storage-projects.js";
import { benchConversation } from "./share-view.js";
import { newUser } from "./users.js";
import { counted } from "./wire-counts.js";

const HOSTING = `http://${emulatorHosts.hosting}`;
/** Triggers run after the call that caused them returns: wait this long before reading their lines. */
const SETTLE_MS = 2_000;

interface ActionCost {
  action: string;
  clientReads: number;
  clientWrites: number;
  /** Function invocations: calls and HTTP requests, plus the triggers they set off. */
  invocations: number;
  serverReads: number;
  serverWrites: number;
  /** Bytes sent to the browser by functions (pages, cards). */
  bytes: number;
  /** Time the functions spent, summed over the invocations (billed per 100 ms started). */
  serverMs: number;
}

interface LogLine {
  fn: string;
  durationMs?: number;
  firestoreReads?: number;
  firestoreWrites?: number;
}

function serverLines(file: string, from: number): LogLine[] {
  return readFileSync(file, "utf8")
    .slice(from)
    .split("\n")
    .flatMap((line) => {
      const json = /^>\s+(\{"fn".*\})\s*$/.exec(line)?.[1];
      return json ? [JSON.parse(json) as LogLine] : [];
    });
}

async function measure(action: string, work: () => Promise<number | void>): Promise<ActionCost> {
  const file = process.env.TALKSTUDIO_EMULATOR_LOG;
  if (!file)
    throw new Error("Run with `npm run bench`: the functions' log lines are read from the suite's log.");
  // Let the triggers of earlier work finish first, so they are not counted here.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const from = readFileSync(file, "utf8").length;
  let bytes = 0;
  const wire = await counted(async () => {
    bytes = (await work()) ?? 0;
  });
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const lines = serverLines(file, from);
  return {
    action,
    clientReads: wire.reads,
    clientWrites: wire.writes,
    invocations: lines.length,
    serverReads: lines.reduce((sum, l) => sum + (l.firestoreReads ?? 0), 0),
    serverWrites: lines.reduce((sum, l) => sum + (l.firestoreWrites ?? 0), 0),
    bytes,
    serverMs: lines.reduce((sum, l) => sum + Math.max(100, Math.ceil((l.durationMs ?? 0) / 100) * 100), 0),
  };
}

const fetchBytes = async (url: string) => (await (await fetch(url)).arrayBuffer()).byteLength;

export async function benchCost(): Promise<ActionCost[]> {
  const owner = await newUser();
  const data = benchConversation();
  const costs: ActionCost[] = [];
  costs.push(
    await measure("sign-in, first time (profile created)", async () => {
      const ts = await newUser();
      await ts.auth.signOut();
    }),
  );
  let id = "";
  costs.push(
    await measure("create a conversation (40 messages)", async () => {
      ({ id } = await createConversation(owner, data));
    }),
  );
  costs.push(await measure("save it", async () => void (await saveConversation(owner, id, data, 1))));
  costs.push(await measure("open it", async () => void (await getConversation(owner, id))));
  for (let i = 0; i < 19; i++) await createConversation(owner, { ...data, title: `목록 ${i}` });
  costs.push(
    await measure("list a page of 20", async () => void (await listConversations(owner, { pageSize: 20 }))),
  );
  let code = "";
  costs.push(
    await measure("create a share link", async () => {
      ({ code } = await createShare(owner, { conversationId: id }));
    }),
  );
  const viewer = await newUser();
  costs.push(
    await measure(
      "view a share in the app (one-read path)",
      async () => void (await openShare(viewer, code)),
    ),
  );
  const locked = await createShare(owner, { conversationId: id, password: "cost-model" });
  costs.push(
    await measure(
      "view a password share in the app",
      async () => void (await openShare(viewer, locked.code, "cost-model")),
    ),
  );
  costs.push(
    await measure("open a share page (page + view beacon)", async () => {
      const page = await (await fetch(`${HOSTING}/s/${code}`)).text();
      const beacon = /<img class="beacon" src="([^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, "&") ?? "";
      return Buffer.byteLength(page) + (await fetchBytes(`${HOSTING}${beacon}`));
    }),
  );
  costs.push(await measure("render its preview card", () => fetchBytes(`${HOSTING}/s/${code}/card.png`)));
  costs.push(...(await collaborationCosts(owner, data)));
  const migrator = await newUser();
  const projects = Array.from({ length: 10 }, (_, i) => localStorageProject(i, 40));
  const storage = {
    getItem: (key: string) => (key === "talkstudio_projects" ? JSON.stringify(projects) : null),
  };
  costs.push(
    await measure("migrate a typical LocalStorage (10 projects)", async () => {
      await migrateLocalStorage(migrator, storage);
    }),
  );
  return costs;
}

/**
 * Co-editing: an editor's save as the sync engine writes it (both documents, one batch) until the
 * owner's open editor has it, and one presence heartbeat while the owner watches the list. The
 * automatic version a save keeps once per 5-minute window is priced from its code (docs/cost.md).
 */
async function collaborationCosts(
  owner: TalkStudio & { uid: string },
  data: ReturnType<typeof benchConversation>,
) {
  const editor = await newUser();
  const { id } = await createConversation(owner, data);
  await acceptInvite(editor, (await inviteToConversation(owner, id, { role: "editor" })).code);
  let seenRevision = 0;
  const stopWatch = watchConversation(owner, id, (stored) => void (seenRevision = stored?.revision ?? 0));
  let present = 0;
  const stopPresence = watchPresence(owner, id, (entries) => void (present = entries.length));
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  await until(() => seenRevision === 1);
  const costs = [
    await measure("co-edit: an editor's save, seen by one other member", async () => {
      await saveConversation(editor, id, { ...data, title: "함께 고침" }, 1, { ownerUid: owner.uid });
      await until(() => seenRevision === 2);
    }),
  ];
  let here: { leave(): Promise<void> } | undefined;
  costs.push(
    await measure("presence heartbeat, seen by one other member", async () => {
      here = await joinPresence(editor, id, { ownerUid: owner.uid });
      await until(() => present === 1);
    }),
  );
  await here?.leave();
  stopWatch();
  stopPresence();
  return costs;
}

/**
 * Reads the security rules make per action (`get`/`getAfter` of other documents, billed as reads):
 * not visible on the wire, so counted from firestore.rules — create: the summary checks the content
 * and the throttle, the content checks the summary, the throttle checks the closed-account
 * tombstone; save: each side checks the other, the summary checks the tombstone. A migration is
 * written by the importConversations function with the admin SDK: no rules, its reads are its own.
 */
const RULES_LOOKUPS: Record<string, number> = {
  "create a conversation (40 messages)": 4,
  "save it": 3,
  // An editor's save: each side checks the other (getAfter) and the editor's tombstone (exists, in
  // isMember) on each; the other member's two listeners are checked once more each (exists).
  "co-edit: an editor's save, seen by one other member": 6,
  // canRead's get() of the summary and isMember's exists() on the write, the same on the delivery;
  // the writer's own tombstone (isOpenOwner) once more on the write.
  "presence heartbeat, seen by one other member": 5,
};

/** Actions per monthly active user in a month: the usage profile docs/cost.md prices. */
const USAGE: Record<string, number> = {
  "sign-in, first time (profile created)": 0.3,
  "create a conversation (40 messages)": 4,
  "save it": 40,
  "open it": 15,
  "list a page of 20": 10,
  "create a share link": 2,
  "view a share in the app (one-read path)": 5,
  "view a password share in the app": 1,
  "open a share page (page + view beacon)": 40,
  "render its preview card": 4,
  "migrate a typical LocalStorage (10 projects)": 0.3,
};

/**
 * List prices in USD (Firestore Standard edition and Cloud Run, which runs 2nd-gen functions) as
 * docs/cost.md states them, with the date they were read and the region caveat.
 */
const PRICES = {
  readsPer100k: 0.03,
  writesPer100k: 0.09,
  invocationsPerMillion: 0.4,
  /** One vCPU-second plus 0.25 GiB-second of memory (256 MiB instances). */
  perInvocationSecond: 0.000024 + 0.25 * 0.0000025,
  egressPerGiB: 0.15,
};
const FREE_MONTHLY = {
  reads: 50_000 * 30,
  writes: 20_000 * 30,
  invocations: 2_000_000,
  egressGiB: 10,
};
/** Fixed work: the view flush every minute and two hourly sweeps (each ≥ 1 read). */
const SCHEDULED_INVOCATIONS = 60 * 24 * 30 + 2 * 24 * 30;

export function monthlyCost(costs: ActionCost[], users: number) {
  let reads = SCHEDULED_INVOCATIONS;
  let writes = 0;
  let invocations = SCHEDULED_INVOCATIONS;
  let bytes = 0;
  let seconds = SCHEDULED_INVOCATIONS * 0.1;
  for (const c of costs) {
    const n = (USAGE[c.action] ?? 0) * users;
    reads += n * (c.clientReads + c.serverReads + (RULES_LOOKUPS[c.action] ?? 0));
    writes += n * (c.clientWrites + c.serverWrites);
    invocations += n * c.invocations;
    bytes += n * c.bytes;
    seconds += (n * c.serverMs) / 1000;
  }
  const egressGiB = bytes / 2 ** 30;
  const price = (free: boolean) =>
    (Math.max(0, reads - (free ? FREE_MONTHLY.reads : 0)) / 100_000) * PRICES.readsPer100k +
    (Math.max(0, writes - (free ? FREE_MONTHLY.writes : 0)) / 100_000) * PRICES.writesPer100k +
    (Math.max(0, invocations - (free ? FREE_MONTHLY.invocations : 0)) / 1e6) * PRICES.invocationsPerMillion +
    seconds * PRICES.perInvocationSecond +
    Math.max(0, egressGiB - (free ? FREE_MONTHLY.egressGiB : 0)) * PRICES.egressPerGiB;
  return { reads, writes, invocations, seconds, egressGiB, gross: price(false), afterFreeTier: price(true) };
}
