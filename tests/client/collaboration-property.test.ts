// The co-editing property (docs/collaboration.md): the owner and one or two editors (other people)
// editing one conversation through the sync engine in last-save-wins mode, with random delays and dropped connections, end up holding the
// same conversation, and every operation is visible or superseded by a later or concurrent
// operation on the same thing. Real clients on the emulators, 400 operations in all: the seeded
// simulator (tests/sim/) covers histories at scale; this checks the real Firestore, rules and
// functions behave as it assumes. A larger run saves more than `versionSavesPerConversationPerMinute`
// overwritten versions a minute, and the engine then asks instead (docs/collaboration.md).
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { disableNetwork, enableNetwork } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createConversation,
  createProjectSync,
  getConversation,
  type ConversationData,
  type Message,
  type ProjectSync,
  type TalkStudio,
} from "../../client/src/index.js";
import { conversationData } from "../support/conversation-data.js";
import { clearFirestore, closeClients } from "../support/emulators.js";
import { eventually } from "../support/eventually.js";
import { grantRole, person } from "../support/members.js";
import { withoutRulesCoverage } from "../support/rules-coverage.js";

beforeAll(clearFirestore);
afterAll(closeClients);

const OPS_PER_RUN = 200;
const OPS_PER_ROUND = 50;

type Op =
  | { kind: "add" | "edit" | "delete" | "author"; client: number; pick: number; wait: number }
  | { kind: "move"; client: number; pick: number; to: number; wait: number }
  | { kind: "rename"; client: number; author: "me" | "other"; wait: number }
  | { kind: "offline" | "online"; client: number; wait: number };

const opArb = (clients: number): fc.Arbitrary<Op> => {
  const client = fc.nat(clients - 1);
  const pick = fc.nat(1000);
  const wait = fc.nat(30);
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("add" as const), client, pick, wait }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant("edit" as const), client, pick, wait }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), client, pick, wait }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("author" as const), client, pick, wait }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("move" as const), client, pick, to: pick, wait }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("rename" as const),
        client,
        author: fc.constantFrom("me" as const, "other" as const),
        wait,
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("offline" as const), client, wait }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("online" as const), client, wait }) },
  );
};

/** What an applied operation promised: the thing it touched (`key`) and how to see it. */
interface Effect {
  readonly client: number;
  readonly seq: number;
  readonly keys: readonly string[];
  readonly what: string;
  visible(data: ConversationData): boolean;
  /** Ops that supersede it: on one of its keys, by another client, or later by the same one. */
  readonly supersededBy?: (other: Effect) => boolean;
}

const bare = ({ editedBy: _mark, ...rest }: Message) => rest;
const unmarkedData = (data: ConversationData): unknown => ({
  ...data,
  conversation: { ...data.conversation, messages: data.conversation.messages.map(bare) },
});
const find = (data: ConversationData, id: string) => data.conversation.messages.find((m) => m.id === id);
const sameMessage = (a: Message | undefined, b: Message) =>
  a !== undefined && JSON.stringify(bare(a)) === JSON.stringify(bare(b));

interface Client {
  readonly ts: TalkStudio;
  readonly sync: ProjectSync;
  state: ConversationData;
  online: boolean;
}

function withMessages(data: ConversationData, messages: Message[]): ConversationData {
  return { ...data, conversation: { ...data.conversation, messages } };
}

/** Applies `op` to its client's editor; returns what it promised, or null when it changed nothing. */
function apply(op: Op, c: Client, seq: number): Effect | null {
  const messages = c.state.conversation.messages;
  const id = `c${op.client}-${seq}`;
  const at = (pick: number) => messages[pick % messages.length]!;
  const base = { client: op.client, seq };
  const setMessage = (message: Message, kind: string): Effect => {
    c.state = withMessages(
      c.state,
      messages.map((m) => (m.id === message.id ? message : m)),
    );
    return {
      ...base,
      keys: [message.id],
      what: `${kind} ${message.id}`,
      visible: (d) => sameMessage(find(d, message.id), message),
    };
  };
  switch (op.kind) {
    case "add": {
      const message: Message = { id, role: "me", authorId: "me", text: id, datetime: "2024-03-05 오후 7:30" };
      const index = messages.length === 0 ? 0 : (op.pick % messages.length) + 1;
      c.state = withMessages(c.state, [...messages.slice(0, index), message, ...messages.slice(index)]);
      return { ...base, keys: [id], what: `add ${id}`, visible: (d) => sameMessage(find(d, id), message) };
    }
    case "edit":
      return messages.length === 0 ? null : setMessage({ ...at(op.pick), text: id }, "edit");
    case "author": {
      const target = messages.length === 0 ? undefined : at(op.pick);
      if (!target || "type" in target) return null;
      const mine = target.authorId !== "me";
      return setMessage(
        { ...target, role: mine ? "me" : "other", authorId: mine ? "me" : "other" },
        "author of",
      );
    }
    case "delete": {
      if (messages.length === 0) return null;
      const gone = at(op.pick).id;
      c.state = withMessages(
        c.state,
        messages.filter((m) => m.id !== gone),
      );
      return { ...base, keys: [gone], what: `delete ${gone}`, visible: (d) => !find(d, gone) };
    }
    case "move": {
      if (messages.length < 2) return null;
      const from = op.pick % messages.length;
      const to = (op.to * 7 + 1) % messages.length;
      if (from === to) return null;
      const moved = messages[from]!;
      const rest = messages.filter((_, i) => i !== from);
      const next = rest[to] ?? null;
      c.state = withMessages(c.state, [...rest.slice(0, to), moved, ...rest.slice(to)]);
      const ids = (d: ConversationData) => d.conversation.messages.map((m) => m.id);
      const keys = next ? [moved.id, next.id] : [moved.id];
      return {
        ...base,
        keys: keys.map((k) => `order:${k}`),
        what: `move ${moved.id} before ${next?.id ?? "the end"}`,
        visible: (d) => {
          const order = ids(d);
          const i = order.indexOf(moved.id);
          // Moved before `next`, or last; a message deleted since is superseded below.
          return i >= 0 && (next ? i < order.indexOf(next.id) : i === order.length - 1);
        },
        // Any reorder by another client is a concurrent edit of the order; deletes of either end too.
        supersededBy: (other) =>
          (other.client !== op.client && other.what.startsWith("move")) ||
          (other.what.startsWith("delete") && keys.includes(other.keys[0]!)) ||
          (other.what.startsWith("add") && !next) ||
          (other.seq > seq && other.keys.some((k) => keys.map((x) => `order:${x}`).includes(k))),
      };
    }
    case "rename": {
      const name = `n${id}`;
      c.state = {
        ...c.state,
        conversation: {
          ...c.state.conversation,
          authors: c.state.conversation.authors.map((a) => (a.id === op.author ? { ...a, name } : a)),
        },
      };
      return {
        ...base,
        keys: [`author:${op.author}`],
        what: `rename ${op.author}`,
        visible: (d) => d.conversation.authors.find((a) => a.id === op.author)?.name === name,
      };
    }
    default:
      return null;
  }
}

const supersedes = (effect: Effect, other: Effect) =>
  other !== effect &&
  (effect.supersededBy
    ? effect.supersededBy(other)
    : other.keys.some((k) => effect.keys.includes(k)) &&
      (other.client !== effect.client || other.seq > effect.seq));

/** One client's state against the server's, for the message of a round that did not settle. */
function describeClient(i: number, c: Client, revision: number, server: ConversationData): string {
  const mine = c.state.conversation.messages.map(bare);
  const theirs = server.conversation.messages.map(bare);
  const differ = mine.findIndex((m, k) => !isDeepStrictEqual(m, theirs[k]));
  const message = differ < 0 ? "" : ` first differing message ${JSON.stringify(mine[differ])}`;
  const rest = isDeepStrictEqual({ ...c.state, conversation: null }, { ...server, conversation: null });
  return `${i}: ${c.sync.status.state} r${c.sync.status.revision}/${revision}, ${mine.length}/${theirs.length} messages${message}${rest ? "" : ", title/theme/status bar differ"}`;
}

async function collaborate(clientCount: number, ops: readonly Op[]): Promise<void> {
  const people = await Promise.all(
    Array.from({ length: clientCount }, (_, i) => person(i === 0 ? "Owner" : `Editor ${i}`)),
  );
  const [owner, ...editors] = people;
  const data = conversationData(8);
  const { id, revision } = await createConversation(owner!, data);
  await grantRole(owner!.uid, id, Object.fromEntries(editors.map((e) => [e.uid, "editor" as const])));
  const clients: Client[] = people.map((ts) => {
    const client: Client = {
      ts,
      state: data,
      online: true,
      sync: createProjectSync(ts, {
        id,
        ownerUid: owner!.uid,
        revision,
        data,
        debounceMs: 50,
        maxWaitMs: 250,
        sameEdits: "last-save-wins",
        onRemoteChange: (merged) => {
          client.state = merged;
          client.sync.update(merged);
        },
      }),
    };
    return client;
  });
  let seq = 0;
  for (let start = 0; start < ops.length; start += OPS_PER_ROUND) {
    const effects: Effect[] = [];
    for (const op of ops.slice(start, start + OPS_PER_ROUND)) {
      const c = clients[op.client]!;
      if (op.kind === "offline" && c.online) {
        c.online = false;
        await disableNetwork(c.ts.db);
      } else if (op.kind === "online" && !c.online) {
        c.online = true;
        await enableNetwork(c.ts.db);
      } else {
        const effect = apply(op, c, ++seq);
        if (effect) {
          effects.push(effect);
          c.sync.update(c.state);
        }
      }
      if (op.wait > 0) await new Promise((resolve) => setTimeout(resolve, op.wait));
    }
    for (const c of clients.filter((c) => !c.online)) {
      c.online = true;
      await enableNetwork(c.ts.db);
    }
    // Settled: every engine saved at the server's revision, every editor holding the server's copy.
    let why = "";
    const settled = await eventually(async () => {
      await Promise.all(clients.map((c) => c.sync.flush()));
      const stored = await getConversation(clients[0]!.ts, id);
      const server: ConversationData = {
        title: stored.title,
        conversation: stored.conversation,
        theme: stored.theme,
        statusBar: stored.statusBar,
      };
      why = clients.map((c, i) => describeClient(i, c, stored.revision, server)).join(" | ");
      const done = clients.every(
        (c) =>
          c.sync.status.state === "saved" &&
          c.sync.status.revision === stored.revision &&
          // The editor's copy learns the `editedBy` marks of its own saves only with the next merge.
          isDeepStrictEqual(unmarkedData(c.state), unmarkedData(server)),
      );
      return done ? server : undefined;
    }, 30_000).catch((error: unknown) => {
      throw new Error(`Round ${start / OPS_PER_ROUND}: clients did not settle: ${why}`, { cause: error });
    });
    const lost = effects.filter((e) => !e.visible(settled) && !effects.some((o) => supersedes(e, o)));
    expect(lost.map((e) => `${e.what} by client ${e.client}`)).toEqual([]);
  }
  await Promise.all(clients.map((c) => c.sync.dispose()));
}

describe("co-editing property (emulators, 400 operations)", () => {
  for (const clientCount of [2, 3]) {
    it(`${clientCount} clients converge and lose no operation`, { timeout: 180_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(opArb(clientCount), { minLength: OPS_PER_RUN, maxLength: OPS_PER_RUN }),
          // Thousands of rule evaluations would make the emulator's coverage report too big to serve;
          // the rules tests cover these rules.
          (ops) => withoutRulesCoverage(() => collaborate(clientCount, ops)),
        ),
        // One long run each: a run is real clients on the emulators, and shrinking would replay it.
        { numRuns: 1, endOnFailure: true },
      );
    });
  }
});
