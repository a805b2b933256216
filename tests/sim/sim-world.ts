// The deterministic simulator of the sync engine: N tabs (each the pure core of
// client/src/sync/engine-core.ts, the SDK's write queue and watch, the SPA's store and its
// LocalStorage copy saved every 2 s) against one simulated Firestore (sim-server.ts), driven by a
// seeded plan of user edits and faults on a virtual clock. One seed, one history: a failure replays.
import type { ConversationData, Message } from "../../client/src/index.js";
import { conversationDigest } from "../../client/src/sync/digest.js";
import { reopenedCopy } from "../../client/src/sync/reopened-copy.js";
import {
  hasPending,
  initialState,
  step,
  type CoreEffect,
  type CoreEvent,
  type CoreState,
} from "../../client/src/sync/engine-core.js";
import { TalkStudioError } from "../../client/src/talkstudio-error.js";
import { sameValue, type mergeConversations } from "../../client/src/sync/merge.js";
import { Ledger } from "./sim-invariants.js";
import { Random } from "./sim-random.js";
import { SimServer, type ServerCopy, type SimWrite } from "./sim-server.js";

export type Action =
  | {
      readonly at: number;
      readonly client: number;
      readonly kind: "edit" | "add" | "delete";
      readonly pick: number;
    }
  | { readonly at: number; readonly client: number; readonly kind: "disconnect"; readonly ms: number }
  | { readonly at: number; readonly client: number; readonly kind: "kill"; readonly queue: boolean }
  | { readonly at: number; readonly client: number; readonly kind: "remove" }
  | { readonly at: number; readonly client: number; readonly kind: "restore"; readonly pick: number };

export interface Scenario {
  readonly seed: number;
  /** Each client's uid: two clients of one uid are two tabs of one person. uid 0 owns it. */
  readonly uids: readonly number[];
  readonly sameEdits: "ask" | "last-save-wins" | undefined;
  readonly actions: readonly Action[];
}

/** The SPA's autosave to LocalStorage. */
const AUTOSAVE_MS = 2000;

/**
 * Which faults a plan holds beyond disconnects, lost answers, resends, refusals, member removal,
 * restores and the autosave lag. `kills`: tabs closed (their queued writes kept or lost) and
 * reopened from their LocalStorage copy; `sameUser`: two tabs of one person.
 */
export interface Faults {
  readonly kills: boolean;
  readonly sameUser: boolean;
}
export const CI_FAULTS: Faults = { kills: true, sameUser: true };

/** A plan from a seed: `ops` user edits over 2–5 clients, with faults among them. */
export function scenarioOf(seed: number, faults: Faults = CI_FAULTS, ops = 200): Scenario {
  const rng = new Random(seed);
  const n = rng.int(2, 5);
  const uids: number[] = [0];
  for (let i = 1; i < n; i++) uids.push(rng.chance(0.4) && faults.sameUser ? uids[i - 1]! : i);
  const sameEdits = rng.pick(["ask", "last-save-wins", undefined] as const);
  const actions: Action[] = [];
  let at = 0;
  let removed = false;
  for (let done = 0; done < ops;) {
    at += rng.int(0, 400);
    const client = rng.int(0, n - 1);
    const roll = rng.next();
    if (roll < 0.06)
      actions.push({
        at,
        client,
        kind: "disconnect",
        ms: rng.chance(0.7) ? rng.int(20, 1500) : rng.int(1500, 15_000),
      });
    else if (roll < 0.075) {
      const queue = rng.chance(0.5);
      if (faults.kills) actions.push({ at, client, kind: "kill", queue });
    } else if (roll < 0.078 && !removed && uids[client] !== 0) {
      removed = true;
      actions.push({ at, client, kind: "remove" });
    } else if (roll < 0.085) actions.push({ at, client, kind: "restore", pick: rng.next() });
    else {
      done += 1;
      // As many adds as deletes: the conversation stays small, and the merge cheap.
      const kind = roll < 0.55 ? "edit" : roll < 0.775 ? "add" : "delete";
      actions.push({ at, client, kind, pick: rng.next() });
    }
  }
  return { seed, uids, sameEdits, actions };
}

const message = (id: string, text: string): Message => ({
  id,
  role: "me",
  authorId: "me",
  text,
  datetime: "",
});

/** Small on purpose: the merge compares whole copies at every step. */
function startingCopy(): ConversationData {
  return {
    title: "sim",
    conversation: {
      platformSkin: "kakao",
      title: "sim",
      unreadCount: 0,
      authors: [{ id: "me", name: "me", avatarUrl: "" }],
      messages: [0, 1, 2, 3].map((i) => message(`m${i}`, `start${i}`)),
    },
    theme: {} as ConversationData["theme"],
    statusBar: { time: "12:00", battery: 50, isWifi: true },
  };
}

interface Queued {
  readonly write: SimWrite;
  readonly generation: number;
}

interface Tab {
  readonly generation: number;
  core: CoreState;
  /** The SPA's store. */
  store: ConversationData;
  timer: number;
}

interface Client {
  readonly index: number;
  readonly uid: string;
  online: boolean;
  epoch: number;
  queue: Queued[];
  tab: Tab | null;
  generations: number;
  removed: boolean;
  /**
   * The tab reopened an edited LocalStorage copy behind the server's: its first save merges with no
   * common base, so what others deleted meanwhile comes back (docs/conversations.md: a limit).
   */
  reopenedBehind: boolean;
  /**
   * The SPA's LocalStorage copy and the marks of synced copies kept beside it, newest last (the
   * SPA's `rememberSynced`). A mark is kept together with the copy, never newer than it.
   */
  persisted: { data: ConversationData; marks: Array<{ revision: number; data: ConversationData }> };
  typedSinceAutosave: string[];
  lastServer: ServerCopy;
  snapAt: number;
  /** A snapshot is on its way: it will carry the newest copy. */
  snapDue: boolean;
  sendAt: number;
  answerAt: number;
}

export interface Outcome {
  readonly violations: readonly string[];
  readonly commits: number;
  readonly events: number;
}

const EVENT_CAP = 200_000;

/** Traces show a copy as its messages' `id=text`. */
const brief = (_key: string, value: unknown) =>
  value !== null && typeof value === "object" && "conversation" in value
    ? (value as ConversationData).conversation.messages.map((m) => `${m.id}=${m.text}`).join(" ")
    : value;

export interface RunOptions {
  /** Every event and effect, as a line. */
  readonly trace?: ((line: string) => void) | undefined;
  /** The merge rule the tabs use (a broken one, to see the invariants catch it). */
  readonly merge?: typeof mergeConversations | undefined;
  /** The simulated Firestore to run against (one that records its calls, sim-trace.ts). */
  readonly newServer?: ((owner: string, start: ConversationData, members: string[]) => SimServer) | undefined;
}

export function runScenario(scenario: Scenario, { trace, merge, newServer }: RunOptions = {}): Outcome {
  const rng = new Random(scenario.seed ^ 0x5f3759df);
  const ledger = new Ledger();
  const start = startingCopy();
  const owner = "u0";
  const memberUids = [...new Set(scenario.uids)].filter((u) => u !== 0).map((u) => `u${u}`);
  const server = newServer?.(owner, start, memberUids) ?? new SimServer(owner, start, memberUids);
  const hasMembers = memberUids.length > 0;
  let now = 0;
  let seq = 0;
  let events = 0;
  const heap: Array<{ at: number; seq: number; run: () => void }> = [];
  const at = (time: number, run: () => void) => {
    heap.push({ at: time, seq: seq++, run });
    let i = heap.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (before(heap[up]!, heap[i]!)) break;
      [heap[up], heap[i]] = [heap[i]!, heap[up]!];
      i = up;
    }
  };
  const before = (a: { at: number; seq: number }, b: { at: number; seq: number }) =>
    a.at < b.at || (a.at === b.at && a.seq < b.seq);
  const pop = () => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i]!, heap[m]!];
        i = m;
      }
    }
    return top;
  };
  const delay = (min = 5, max = 120) => now + rng.int(min, max);

  const clients: Client[] = scenario.uids.map((u, index) => ({
    index,
    uid: `u${u}`,
    online: true,
    epoch: 0,
    queue: [],
    tab: null,
    generations: 0,
    removed: false,
    reopenedBehind: false,
    persisted: { data: start, marks: [{ revision: 1, data: start }] },
    typedSinceAutosave: [],
    lastServer: server.copy,
    snapAt: 0,
    snapDue: false,
    sendAt: 0,
    answerAt: 0,
  }));
  let writes = 0;
  let typed = 0;

  function dispatch(c: Client, tab: Tab, event: CoreEvent): void {
    if (c.tab !== tab) return;
    trace?.(`${now} client ${c.index} ${event.type} ${JSON.stringify(event, brief)}`);
    const result = step(tab.core, event);
    tab.core = result.state;
    for (const effect of result.effects) {
      trace?.(`${now} client ${c.index}   -> ${JSON.stringify(effect, brief)}`);
      perform(c, tab, effect);
    }
  }

  function perform(c: Client, tab: Tab, effect: CoreEffect): void {
    switch (effect.type) {
      case "write": {
        const write: SimWrite = {
          uid: c.uid,
          // A reopened tab is a new page load: a new tab id.
          tab: `t${c.index}-${tab.generation}`,
          expectedRevision: effect.expectedRevision,
          data: effect.data,
          writeId: `w${writes++}`,
        };
        const queued: Queued = { write, generation: tab.generation };
        c.queue.push(queued);
        if (c.online) send(c, queued);
        return;
      }
      case "timer": {
        const token = ++tab.timer;
        if (effect.ms !== null)
          at(now + effect.ms, () => tab.timer === token && dispatch(c, tab, { type: "timer" }));
        return;
      }
      case "save-version": {
        const revision = effect.revision;
        // The function call travels on its own connection: it may reach the server before or
        // after the client's Firestore connection delivers what happened meanwhile.
        at(delay(20, 400), () => {
          let event: CoreEvent;
          if (!c.online || !server.mayEdit(c.uid)) event = { type: "version-failed", revision };
          else {
            const answer = server.saveVersion(c.uid, revision);
            if (answer.versionId) ledger.keep(server.data);
            event = { type: "version-kept", revision, versionId: answer.versionId };
          }
          at(delay(20, 200), () => dispatch(c, tab, event));
        });
        return;
      }
      case "remote-change":
        tab.store = effect.data;
        // The hook hands the store's new state back to the engine after the render.
        at(now, () => dispatch(c, tab, { type: "update", data: tab.store, now }));
        return;
      case "status": {
        const { status } = effect;
        if (status.state === "saved") {
          // The SPA keeps the synced copy's digest, written together with its copy of the store
          // (docs/integrating-the-spa.md); the digest is taken when a tab opens (costly here).
          c.persisted = {
            data: tab.store,
            marks: [
              ...c.persisted.marks.slice(-3),
              { revision: status.revision, data: tab.core.synced.data },
            ],
          };
          c.typedSinceAutosave = [];
        }
        if (status.state === "conflict") {
          // The user answers the dialog a while later (sooner in "ask": nothing else will).
          const wait =
            tab.core.config.sameEdits === "ask" || !hasMembers ? rng.int(100, 3000) : rng.int(2000, 6000);
          at(now + wait, () => resolveConflict(c, tab));
        }
        return;
      }
    }
  }

  function resolveConflict(c: Client, tab: Tab): void {
    const status = tab.core.status;
    if (c.tab !== tab || status.state !== "conflict") return;
    const side = rng.chance(0.5) ? "keepingMine" : "takingTheirs";
    for (const conflict of status.conflicts) {
      if (conflict.kind !== "message") continue;
      if (side === "keepingMine") ledger.chosenOver.add(`${conflict.mine.text}|${conflict.theirs.text}`);
      else ledger.discarded.add(conflict.mine.text);
    }
    dispatch(c, tab, { type: "resolve", side });
  }

  /** Sends a queued write on the current connection; a dropped connection loses it or its answer. */
  function send(c: Client, queued: Queued): void {
    const epoch = c.epoch;
    c.sendAt = Math.max(c.sendAt, delay());
    at(c.sendAt, () => {
      if (c.epoch !== epoch || !c.queue.includes(queued)) return;
      const ok = server.commit(queued.write, c.index, queued.generation);
      if (ok) committed();
      c.answerAt = Math.max(c.answerAt, delay());
      at(c.answerAt, () => c.epoch === epoch && c.queue.includes(queued) && answer(c, queued, ok));
    });
  }

  /** saveConversation's answer: committed, or refused and then looked into (landed, or why not). */
  function answer(c: Client, queued: Queued, ok: boolean): void {
    c.queue = c.queue.filter((q) => q !== queued);
    const tab = c.tab;
    if (tab && tab.generation === queued.generation) {
      let event: CoreEvent;
      if (ok || server.landed(queued.write)) event = { type: "saved" };
      else if (rng.chance(0.02)) {
        // The look into the refusal failed: the connection dropped just then.
        event = { type: "lost", now };
        disconnect(c, rng.int(20, 2000));
      } else if (!server.mayEdit(c.uid))
        event = { type: "failed", error: new TalkStudioError("permission-denied", "removed") };
      else event = { type: "refused", current: server.copy };
      dispatch(c, tab, event);
    }
    // With its writes settled the SDK raises the server's copy without local changes.
    if (c.queue.length === 0 && c.tab) snapshot(c, c.tab, c.lastServer, false);
  }

  function snapshot(c: Client, tab: Tab, copy: ServerCopy, fromCache: boolean): void {
    dispatch(c, tab, { type: "snapshot", copy, fromCache, pending: c.queue.length > 0 });
  }

  /**
   * The server's copy changed: every connected watch hears of it, in order; changes that pile up
   * before one is delivered arrive as one snapshot of the newest, as the SDK's do.
   */
  function committed(): void {
    const commit = server.commits[server.commits.length - 1]!;
    const by = clients[commit.client]!;
    // The reopened tab's first save (not one a closed tab left queued).
    const reopened = by.reopenedBehind && commit.generation === by.generations;
    ledger.check(commit, reopened);
    if (reopened) by.reopenedBehind = false;
    for (const c of clients) {
      if (!c.online || c.snapDue) continue;
      const epoch = c.epoch;
      c.snapDue = true;
      c.snapAt = Math.max(c.snapAt, delay(5, 250));
      at(c.snapAt, () => {
        c.snapDue = false;
        if (c.epoch !== epoch) return;
        c.lastServer = server.copy;
        if (c.tab) snapshot(c, c.tab, c.lastServer, false);
      });
    }
  }

  function disconnect(c: Client, ms: number): void {
    if (!c.online) return;
    c.online = false;
    c.epoch += 1;
    c.snapDue = false;
    if (c.tab) dispatch(c, c.tab, { type: "connection", fromCache: true, hasMembers });
    at(now + ms, () => reconnect(c));
  }

  function reconnect(c: Client): void {
    if (c.online) return;
    c.online = true;
    c.epoch += 1;
    const epoch = c.epoch;
    // The SDK sends again every write it holds unanswered, in order.
    for (const queued of c.queue) send(c, queued);
    c.snapAt = Math.max(c.snapAt, delay(5, 250));
    const connectedFirst = rng.chance(0.5);
    at(c.snapAt, () => {
      if (c.epoch !== epoch || !c.tab) return;
      c.lastServer = server.copy;
      const tab = c.tab;
      const connected = () => dispatch(c, tab, { type: "connection", fromCache: false, hasMembers });
      if (connectedFirst) connected();
      snapshot(c, tab, c.lastServer, false);
      if (!connectedFirst) connected();
    });
  }

  /** A new tab: the SPA's LocalStorage copy, the cloud's copy as the SDK reads it (its queue on top). */
  function open(c: Client): void {
    if (!c.online) return void at(now + 500, () => open(c));
    const last = c.queue.at(-1);
    const cloud = last ? { revision: last.write.expectedRevision + 1, data: last.write.data } : server.copy;
    const mine = c.persisted.data;
    let local;
    if (!sameValue(mine, cloud.data)) {
      const synced = c.persisted.marks.map((m) => ({
        revision: m.revision,
        digest: conversationDigest(m.data),
      }));
      local = reopenedCopy(mine, { synced });
      c.reopenedBehind = !local.unchanged && local.revision !== cloud.revision;
    }
    // Opened on a closed tab's queued write: merged with no common base if the server moved on.
    if (last) c.reopenedBehind = true;
    const core = initialState({
      config: { uid: c.uid, ownerUid: owner, sameEdits: scenario.sameEdits, merge },
      synced: cloud,
      local,
    });
    const tab: Tab = { generation: ++c.generations, core, store: mine, timer: 0 };
    trace?.(`${now} client ${c.index} opens ${JSON.stringify({ cloud, local }, brief)}`);
    c.tab = tab;
    c.lastServer = server.copy;
    dispatch(c, tab, { type: "connection", fromCache: false, hasMembers });
    // The watch's first snapshot comes from the cache, before any from the server: the queue on
    // top (pending). The driver merges the reopened copy after it.
    snapshot(c, tab, cloud, true);
    dispatch(c, tab, { type: "reopen" });
    at(delay(5, 250), () => {
      c.lastServer = server.copy;
      snapshot(c, tab, server.copy, false);
    });
  }

  function kill(c: Client, keepQueue: boolean): void {
    if (!c.tab) return;
    c.tab = null;
    for (const text of c.typedSinceAutosave) ledger.killed.add(text);
    c.typedSinceAutosave = [];
    if (!keepQueue) c.queue = [];
    at(delay(100, 1500), () => open(c));
  }

  function userEdit(c: Client, kind: "edit" | "add" | "delete", pick: number): void {
    const tab = c.tab;
    if (!tab || c.removed) return;
    const messages = tab.store.conversation.messages;
    const i = Math.floor(pick * messages.length);
    const n = typed++;
    const text = `c${c.index}.${n}`;
    let next: Message[];
    if (kind === "add" || messages.length === 0) {
      next = [...messages.slice(0, i), message(`n${c.index}.${n}`, text), ...messages.slice(i)];
      ledger.typed(text, null);
    } else if (kind === "edit") {
      const old = messages[i]!;
      next = messages.map((m, j) => (j === i ? { ...m, text } : m));
      ledger.typed(text, old.text);
    } else {
      const old = messages[i]!;
      next = messages.filter((_, j) => j !== i);
      ledger.deleted(old.id, old.text);
    }
    c.typedSinceAutosave.push(text);
    tab.store = { ...tab.store, conversation: { ...tab.store.conversation, messages: next } };
    dispatch(c, tab, { type: "update", data: tab.store, now });
  }

  function restore(c: Client, pick: number): void {
    if (!c.tab || c.removed || !c.online || server.commits.length === 0) return;
    const commit = server.commits[Math.floor(pick * server.commits.length)]!;
    server.restore(commit.before.data, c.index);
    ledger.keep(commit.after.data);
    committed();
  }

  function remove(c: Client): void {
    server.removeMember(c.uid);
    for (const other of clients) {
      if (other.uid !== c.uid) continue;
      other.removed = true;
      for (const text of ledger.parent.keys())
        if (text.startsWith(`c${other.index}.`)) ledger.refused.add(text);
      if (other.tab)
        dispatch(other, other.tab, {
          type: "watch-error",
          error: new TalkStudioError("permission-denied", "removed"),
        });
    }
  }

  for (const c of clients) open(c);
  const end = (scenario.actions.at(-1)?.at ?? 0) + 1;
  for (const action of scenario.actions) {
    const c = clients[action.client]!;
    at(action.at, () => {
      switch (action.kind) {
        case "edit":
        case "add":
        case "delete":
          return userEdit(c, action.kind, action.pick);
        case "disconnect":
          return disconnect(c, action.ms);
        case "kill":
          return kill(c, action.queue);
        case "remove":
          return remove(c);
        case "restore":
          return restore(c, action.pick);
      }
    });
  }
  for (const c of clients) {
    const tick = () => {
      // The SPA's autosave writes the copy; the marks beside it stay those of the copies it had.
      if (c.tab) c.persisted = { data: c.tab.store, marks: c.persisted.marks };
      c.typedSinceAutosave = [];
      if (now < end) at(now + AUTOSAVE_MS, tick);
    };
    at(rng.int(0, AUTOSAVE_MS), tick);
  }
  // After the plan: whoever is left saves what it holds (the SPA's flush on leaving).
  at(end + 60_000, () => {
    for (const c of clients) if (c.tab && !c.removed) dispatch(c, c.tab, { type: "flush" });
  });

  while (heap.length > 0 && events < EVENT_CAP) {
    const next = pop();
    now = next.at;
    events += 1;
    next.run();
  }
  if (events >= EVENT_CAP) ledger.violations.push(`no end after ${EVENT_CAP} events (a loop?)`);
  for (const c of clients) {
    if (c.removed) continue;
    const tab = c.tab;
    if (!tab) {
      ledger.violations.push(`client ${c.index} has no tab at the end`);
      continue;
    }
    const { core } = tab;
    if (core.status.state !== "saved" || hasPending(core) || c.queue.length > 0)
      ledger.violations.push(`client ${c.index} ends ${core.status.state} with ${c.queue.length} queued`);
    else if (!sameValue(core.local, server.data) || core.synced.revision !== server.revision)
      ledger.violations.push(
        `client ${c.index} ends on revision ${core.synced.revision}, not the server's ${server.revision}`,
      );
  }
  ledger.checkEnd();
  return { violations: ledger.violations, commits: server.commits.length, events };
}

/** The smallest plan (by removing actions) that still fails; the seed's randomness stays. */
export function shrink(scenario: Scenario, options: RunOptions = {}): Scenario {
  let current = scenario;
  for (let chunk = Math.ceil(current.actions.length / 2); chunk >= 1; chunk = Math.floor(chunk / 2)) {
    for (let i = 0; i < current.actions.length;) {
      const actions = [...current.actions.slice(0, i), ...current.actions.slice(i + chunk)];
      const candidate = { ...current, actions };
      if (runScenario(candidate, options).violations.length > 0) current = candidate;
      else i += chunk;
    }
  }
  return current;
}

/** What a failing seed prints: the seed, the first violations, and the shrunk plan to replay. */
export function replayOf(scenario: Scenario, options: RunOptions = {}): string {
  const small = shrink(scenario, options);
  const outcome = runScenario(small, options);
  return [
    `seed ${scenario.seed}: ${outcome.violations.slice(0, 3).join("; ")}`,
    `replay (${small.actions.length} of ${scenario.actions.length} actions): runScenario(${JSON.stringify(small)})`,
  ].join("\n");
}
