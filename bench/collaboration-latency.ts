// Co-editing latency (docs/collaboration.md, "Measured"): an owner and an editor, two users on two
// client apps, each with createProjectSync on one conversation. Timed from one side's `update()` to
// the other side's engine handing that text to `onRemoteChange` (what the SPA puts on screen), both
// ways, against the same two clients' raw path: a batch write of the conversation's two documents
// and the other client's onSnapshot of its content document.
import { doc, onSnapshot, writeBatch } from "firebase/firestore";
import { performance } from "node:perf_hooks";
import {
  acceptInvite,
  createConversation,
  createProjectSync,
  firestorePaths,
  getConversation,
  inviteToConversation,
  type ConversationData,
  type ProjectSync,
  type TalkStudio,
} from "../client/src/index.js";
import { summaryForSave } from "../client/src/conversations/records.js";
import { contentRecord } from "../client/src/schema/conversation-records.js";
import { benchConversation } from "./share-view.js";
import { newUser } from "./users.js";
import { counted } from "./wire-counts.js";

/** One edit that never arrives fails the run instead of hanging it. */
const ARRIVAL_TIMEOUT_MS = 10_000;

export interface Latencies {
  edits: number;
  medianMs: number;
  p95Ms: number;
  samples: number[];
}

function summarise(samples: number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { edits: sorted.length, medianMs: at(0.5), p95Ms: at(0.95), samples };
}

const withText = (data: ConversationData, messageId: string, text: string): ConversationData => ({
  ...data,
  conversation: {
    ...data.conversation,
    messages: data.conversation.messages.map((m) => (m.id === messageId ? { ...m, text } : m)),
  },
});
/** The editable part of a stored conversation, as the SPA's store holds it. */
async function opened(ts: TalkStudio, id: string, ownerUid: string) {
  const { revision, title, conversation, theme, statusBar } = await getConversation(ts, id, { ownerUid });
  return { revision, data: { title, conversation, theme, statusBar } };
}
const textOf = (data: ConversationData, messageId: string) =>
  data.conversation.messages.find((m) => m.id === messageId)?.text;

/** Resolves once `seen()` holds, checked whenever `subscribe`'s callback fires. */
function arrival(subscribe: (check: () => void) => () => void, seen: () => boolean, what: string) {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${what} did not arrive within ${ARRIVAL_TIMEOUT_MS} ms`));
    }, ARRIVAL_TIMEOUT_MS);
    const stop = subscribe(() => {
      if (!seen()) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

/** One member's editor: the store the SPA keeps, fed back into the engine as the SPA does. */
function editorOf(
  ts: TalkStudio,
  id: string,
  ownerUid: string,
  start: { revision: number; data: ConversationData },
  debounceMs: number,
) {
  const listeners = new Set<() => void>();
  let state = start.data;
  const sync: ProjectSync = createProjectSync(ts, {
    id,
    ownerUid,
    revision: start.revision,
    data: start.data,
    debounceMs,
    sameEdits: "last-save-wins",
    onRemoteChange: (merged) => {
      state = merged;
      sync.update(merged);
      for (const listener of listeners) listener();
    },
  });
  return {
    sync,
    get state() {
      return state;
    },
    edit(messageId: string, text: string) {
      state = withText(state, messageId, text);
      sync.update(state);
    },
    onChange(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** Two members' engines on one conversation, editing in turns: `edits` each way. */
async function engineLatency(
  sides: readonly [TalkStudio, TalkStudio],
  ownerUid: string,
  id: string,
  edits: number,
  debounceMs: number,
) {
  const editors = await Promise.all(
    sides.map(async (ts) => editorOf(ts, id, ownerUid, await opened(ts, id, ownerUid), debounceMs)),
  );
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < edits; i++) {
    for (const from of [0, 1] as const) {
      const [sender, receiver] = [editors[from]!, editors[1 - from]!];
      // Each member types in a message of their own (m1 and m2): no conflict, nothing prompted.
      const messageId = `m${from + 1}`;
      const text = `${from === 0 ? "owner" : "editor"} ${i} ${debounceMs}`;
      const arrived = arrival(
        (check) => receiver.onChange(check),
        () => textOf(receiver.state, messageId) === text,
        `edit ${i} from side ${from}`,
      );
      const start = performance.now();
      sender.edit(messageId, text);
      await arrived;
      samples[from].push(performance.now() - start);
      // Both idle again, so each edit is timed alone.
      await Promise.all(editors.map((e) => e.sync.flush()));
    }
  }
  await Promise.all(editors.map((e) => e.sync.dispose()));
  return {
    ownerToEditor: summarise(samples[0]),
    editorToOwner: summarise(samples[1]),
    all: summarise(samples.flat()),
  };
}

/** The same two clients without the engine: a raw batch save, seen by the other's listener. */
async function rawLatency(
  sides: readonly [TalkStudio, TalkStudio],
  ownerUid: string,
  id: string,
  edits: number,
) {
  let { revision, data } = await opened(sides[0], id, ownerUid);
  const seen: [ConversationData | null, ConversationData | null] = [null, null];
  const checks = new Set<() => void>();
  const stops = sides.map((ts, side) =>
    onSnapshot(doc(ts.db, firestorePaths.content(ownerUid, id)), (snapshot) => {
      seen[side] = (snapshot.data() as ConversationData | undefined) ?? null;
      for (const check of checks) check();
    }),
  );
  const samples: number[] = [];
  for (let i = 0; i < edits; i++) {
    for (const from of [0, 1] as const) {
      const ts = sides[from];
      const messageId = `m${from + 1}`;
      const text = `raw ${from} ${i}`;
      data = withText(data, messageId, text);
      revision++;
      const arrived = arrival(
        (check) => (checks.add(check), () => void checks.delete(check)),
        () => {
          const theirs = seen[1 - from];
          return theirs != null && textOf(theirs, messageId) === text;
        },
        `raw write ${i} from side ${from}`,
      );
      const batch = writeBatch(ts.db);
      batch.update(doc(ts.db, firestorePaths.conversation(ownerUid, id)), summaryForSave(data, revision));
      batch.update(doc(ts.db, firestorePaths.content(ownerUid, id)), contentRecord(data, revision));
      const start = performance.now();
      const committed = batch.commit();
      await arrived;
      samples.push(performance.now() - start);
      await committed;
    }
  }
  stops.forEach((stop) => stop());
  return summarise(samples);
}

export async function benchCollaborationLatency(edits = 100) {
  const owner = await newUser();
  const editor = await newUser();
  const { id } = await createConversation(owner, benchConversation());
  await acceptInvite(editor, (await inviteToConversation(owner, id, { role: "editor" })).code);
  const sides = [owner, editor] as const;
  // Warm both clients' listeners and the rules before timing anything; then the engine and the raw
  // path alternate in blocks of 20 edits, so neither gets the quieter moments of the run.
  await rawLatency(sides, owner.uid, id, 5);
  const rawBlocks: Latencies[] = [];
  const engineBlocks: Awaited<ReturnType<typeof engineLatency>>[] = [];
  for (let done = 0; done < edits; done += 20) {
    engineBlocks.push(await engineLatency(sides, owner.uid, id, Math.min(20, edits - done), 0));
    rawBlocks.push(await rawLatency(sides, owner.uid, id, Math.min(20, edits - done)));
  }
  const raw = summarise(rawBlocks.flatMap((b) => b.samples));
  const engine = {
    ownerToEditor: summarise(engineBlocks.flatMap((b) => b.ownerToEditor.samples)),
    editorToOwner: summarise(engineBlocks.flatMap((b) => b.editorToOwner.samples)),
    all: summarise(engineBlocks.flatMap((b) => b.all.samples)),
  };
  // Reads and writes of both clients together, per edit (docs/cost.md); apart from the timed run,
  // since the SDK's debug log the count reads from slows both clients down.
  const counting = 10;
  const wire = await counted(() => engineLatency(sides, owner.uid, id, counting, 0));
  // Opening and closing both engines (their first reads), taken out of the per-edit figures.
  const setup = await counted(() => engineLatency(sides, owner.uid, id, 0, 0));
  // What a person sees with the engine's default quiet time (1 s) and a shorter one for co-editing.
  const debounced = [];
  for (const debounceMs of [300, 1000])
    debounced.push({ debounceMs, ...(await engineLatency(sides, owner.uid, id, 20, debounceMs)).all });
  return {
    raw,
    engine,
    ratio: engine.all.p95Ms / raw.p95Ms,
    perEdit: {
      reads: (wire.reads - setup.reads) / (2 * counting),
      writes: (wire.writes - setup.writes) / (2 * counting),
    },
    open: setup,
    debounced,
  };
}
