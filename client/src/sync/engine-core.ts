// The sync engine's decisions as a pure function: `step(state, event)` gives the next state and the
// effects the driver (project-sync.ts) performs — writes, version saves, timers, status reports.
// No I/O, no clock, no randomness: the simulator (tests/sim/) runs thousands of histories through it.
// Rules: docs/conversations.md, "Sync engine".
import { SAVE_DEBOUNCE_MS, type ConversationData } from "../schema/index.js";
import { TalkStudioError } from "../talkstudio-error.js";
import { keyed, markEdits, mergeConversations, sameValue, type MergeConflict } from "./merge.js";

export type SyncStatus =
  /** Everything the editor holds is on the server at `revision`. */
  | { readonly state: "saved"; readonly revision: number; readonly pending: false }
  /** Changes are waiting for the debounce or being written. */
  | { readonly state: "saving"; readonly revision: number; readonly pending: true }
  /** No connection: changes wait (the SDK queues the write) and go out when it is back. */
  | { readonly state: "offline"; readonly revision: number; readonly pending: true }
  /** Someone changed the same thing: nothing is saved until `keepMine()` or `takeTheirs()`. */
  | {
      readonly state: "conflict";
      readonly revision: number;
      readonly pending: true;
      readonly conflicts: readonly MergeConflict[];
    }
  /** A save was refused for another reason (`not-found` once deleted elsewhere); the next change retries. */
  | {
      readonly state: "error";
      readonly revision: number;
      readonly pending: boolean;
      readonly error: TalkStudioError;
    };

/** A conversation's data at a revision. */
export interface Copy {
  readonly revision: number;
  readonly data: ConversationData;
}

export interface CoreConfig {
  /** The signed-in user: the mark on the messages this side edits. */
  readonly uid: string;
  readonly ownerUid: string;
  readonly sameEdits?: "ask" | "last-save-wins" | undefined;
  readonly debounceMs?: number | undefined;
  readonly maxWaitMs?: number | undefined;
  /** The merge rule: mergeConversations (the simulator swaps in broken ones to see them caught). */
  readonly merge?: typeof mergeConversations | undefined;
}

export interface CoreState {
  readonly config: CoreConfig;
  /** Someone else can be editing: a member's view of another's conversation, or one with members. */
  readonly shared: boolean;
  /** The last state known to be on the server: the base of every merge. */
  readonly synced: Copy;
  /**
   * `synced` holds a write another tab left queued (the SDK's view of it, pending): until the
   * server confirms that copy nothing is saved over it, and a newer one, which may or may not hold
   * that write, is merged with no common base (nothing either side holds is dropped).
   */
  readonly unconfirmed: boolean;
  /** The editor's newest state, every message it changed marked with this user's uid. */
  readonly local: ConversationData;
  /** The editor's own copy after a reload, until `reopen` merges it. */
  readonly kept: (Copy & { readonly unchanged: boolean }) | null;
  /** The revision whose text a last-save-wins resolution is putting in the history first. */
  readonly keeping: number | null;
  /** The save being written, if any: one at a time. */
  readonly inFlight: Copy | null;
  /** Newer than `synced`, seen while a save was in flight: handled once it settles. */
  readonly remote: Copy | null;
  /**
   * The server's copy, seen while a save was in flight, that disagrees with `synced` at or below its
   * revision: `synced` held a write the server refused. Handled once the save settles.
   */
  readonly disowned: Copy | null;
  /** Their copy, and the base it is merged against, while a conflict waits for the user. */
  readonly conflict: (Copy & { readonly base: ConversationData }) | null;
  readonly failure: TalkStudioError | null;
  /**
   * Why the editor's newest state cannot be saved (it does not fit the schema): while set, the
   * status is this error and only the last state that fitted (`update`'s) is saved.
   */
  readonly unfit: TalkStudioError | null;
  /** The status without `unfit`'s error would be `saving`: a save, a version or a debounce is under way. */
  readonly busy: boolean;
  /** The server said the conversation is gone (a server snapshot, never the cache's guess). */
  readonly deleted: boolean;
  /**
   * The newest revision known to be on the server (saved, or read back from it). A snapshot older
   * than it is the listener catching up, never a sign that a write of ours was refused.
   */
  readonly confirmed: number;
  /** The watch reads from the cache: no connection to the server. */
  readonly offline: boolean;
  /** The browser says it has no network (`navigator.onLine`). */
  readonly browserOffline: boolean;
  readonly timerSet: boolean;
  /** When the oldest unsaved change was made (for `maxWaitMs`). */
  readonly firstUnsaved: number | null;
  /**
   * Texts the last remote change replaced, by message key, before and after: an update that puts
   * one back exactly is a stale text input in the editor, not the user's edit (ignored).
   */
  readonly received: ReadonlyMap<string, { readonly before: string; readonly after: string }>;
  /** Goes up by one each time a remote change is applied to the editor's state. */
  readonly remoteRevision: number;
  readonly status: SyncStatus;
}

export type CoreEvent =
  /** The editor's new state (a store change). */
  | { readonly type: "update"; readonly data: ConversationData; readonly now: number }
  /** The editor's newest state does not fit (its error), or fits again (null). */
  | { readonly type: "local-refused"; readonly error: TalkStudioError | null }
  /** The debounce elapsed. */
  | { readonly type: "timer" }
  /** Save now (flush, tab hidden or closing, dispose). */
  | { readonly type: "flush" }
  /** The caller holds the engine: merge the editor's own copy after a reload. */
  | { readonly type: "reopen" }
  | { readonly type: "saved" }
  /** The save was refused because another save came first: their copy. */
  | { readonly type: "refused"; readonly current: Copy }
  /** The save's fate is unknown (no answer, the refusal could not be looked into): try again. */
  | { readonly type: "lost"; readonly now: number }
  /** The save was refused otherwise (not found, permission, invalid). */
  | { readonly type: "failed"; readonly error: TalkStudioError }
  /** The watch's snapshot: null when the document is missing; `pending` when it holds unsent writes. */
  | {
      readonly type: "snapshot";
      readonly copy: Copy | null;
      readonly fromCache: boolean;
      readonly pending: boolean;
    }
  | { readonly type: "watch-error"; readonly error: TalkStudioError }
  /** The connection as the SDK sees it (cache or server), and whether the conversation has members. */
  | { readonly type: "connection"; readonly fromCache: boolean; readonly hasMembers: boolean }
  | { readonly type: "browser"; readonly online: boolean }
  /** saveVersion's answer: `versionId` null when the conversation was no longer at `revision`. */
  | {
      readonly type: "version-kept";
      readonly revision: number;
      readonly versionId: string | null;
    }
  | { readonly type: "version-failed"; readonly revision: number }
  | { readonly type: "resolve"; readonly side: "keepingMine" | "takingTheirs" };

export type CoreEffect =
  | { readonly type: "write"; readonly data: ConversationData; readonly expectedRevision: number }
  | { readonly type: "save-version"; readonly revision: number }
  /** Start (or restart) the debounce timer: `timer` after `ms`; null cancels it. */
  | { readonly type: "timer"; readonly ms: number | null }
  | { readonly type: "remote-change"; readonly data: ConversationData; readonly revision: number }
  | { readonly type: "status"; readonly status: SyncStatus };

/**
 * The base of a merge when the revision both sides started from is unknown: every item both sides
 * hold differently is a conflict, and nothing one side holds is dropped.
 */
const UNKNOWN_BASE = { conversation: { messages: [], authors: [] } } as unknown as ConversationData;

export interface CoreOpening {
  readonly config: CoreConfig;
  /** What the editor loaded (the server's copy). */
  readonly synced: Copy;
  /** The editor's own copy after a reload (`ProjectSyncOptions.local`). */
  readonly local?: (Copy & { readonly unchanged?: boolean | undefined }) | undefined;
  readonly browserOffline?: boolean;
}

export function initialState({ config, synced, local, browserOffline = false }: CoreOpening): CoreState {
  const reopening = local !== undefined && !sameValue(local.data, synced.data);
  return {
    config,
    shared: config.ownerUid !== config.uid,
    synced,
    unconfirmed: false,
    local: reopening ? local.data : synced.data,
    kept: reopening
      ? { revision: local.revision, data: local.data, unchanged: local.unchanged ?? false }
      : null,
    keeping: null,
    inFlight: null,
    remote: null,
    disowned: null,
    conflict: null,
    failure: null,
    unfit: null,
    busy: reopening,
    deleted: false,
    confirmed: 0,
    offline: false,
    browserOffline,
    timerSet: false,
    firstUnsaved: null,
    received: new Map(),
    remoteRevision: 0,
    status: reopening
      ? { state: "saving", revision: synced.revision, pending: true }
      : { state: "saved", revision: synced.revision, pending: false },
  };
}

export const debounceOf = (s: CoreState): number =>
  s.config.debounceMs ?? SAVE_DEBOUNCE_MS[s.shared ? "shared" : "solo"];
const lastSaveWins = (s: CoreState) =>
  (s.config.sameEdits ?? (s.shared ? "last-save-wins" : "ask")) === "last-save-wins";
export const hasPending = (s: CoreState): boolean => !sameValue(s.local, s.synced.data);
/** `copy` is the copy this engine takes as synced: the same revision, the same data. */
const isSynced = (s: CoreState, copy: Copy): boolean =>
  copy.revision === s.synced.revision && sameValue(copy.data, s.synced.data);
/** Nothing to do until something happens: what `flush()` waits for. */
export const isIdle = (s: CoreState): boolean => !s.busy && !s.timerSet;

/** The last merge, kept: a conflict's status is asked for at every step while it lasts. */
let lastMerge: {
  args: readonly unknown[];
  result: ReturnType<typeof mergeConversations>;
} | null = null;
function merged(
  config: CoreConfig,
  base: ConversationData,
  mine: ConversationData,
  theirs: ConversationData,
) {
  const merge = config.merge ?? mergeConversations;
  const args = lastMerge?.args;
  if (args?.[0] === base && args[1] === mine && args[2] === theirs && args[3] === merge)
    return lastMerge!.result;
  const result = merge(base, mine, theirs);
  lastMerge = { args: [base, mine, theirs, merge], result };
  return result;
}

/** One step: a mutable draft and the effects it produces, so the rules below read as before. */
class Step {
  s: { -readonly [K in keyof CoreState]: CoreState[K] };
  readonly effects: CoreEffect[] = [];
  constructor(state: CoreState) {
    this.s = { ...state };
  }

  report(): void {
    const s = this.s;
    const revision = s.synced.revision;
    // An unconfirmed copy holds a write the server may not have: never `saved`, so no mark of it
    // is kept beside the editor's copy (a reload would take the copy as synced).
    const pending = hasPending(s) || s.unconfirmed;
    let next: SyncStatus;
    if (s.conflict && s.keeping === s.conflict.revision) {
      next = { state: "saving", revision, pending: true };
    } else if (s.conflict) {
      const { conflicts } = merged(s.config, s.conflict.base, s.local, s.conflict.data);
      next = { state: "conflict", revision, pending: true, conflicts };
    } else if (s.failure) next = { state: "error", revision, pending, error: s.failure };
    else if ((s.offline || s.browserOffline) && (s.inFlight || pending))
      next = { state: "offline", revision, pending: true };
    else if (s.inFlight || pending) next = { state: "saving", revision, pending: true };
    else next = { state: "saved", revision, pending: false };
    s.busy = next.state === "saving";
    // A state that does not fit is never saved; the last that fitted is.
    if (s.unfit) next = { state: "error", revision, pending: true, error: s.unfit };
    if (!sameValue(next, s.status)) {
      s.status = next;
      this.effects.push({ type: "status", status: next });
    }
  }

  schedule(now: number): void {
    const s = this.s;
    s.firstUnsaved ??= now;
    const maxWait = s.config.maxWaitMs ?? 5 * debounceOf(s);
    const ms = Math.max(0, Math.min(debounceOf(s), s.firstUnsaved + maxWait - now));
    s.timerSet = true;
    this.effects.push({ type: "timer", ms });
  }

  cancelTimer(): void {
    if (!this.s.timerSet) return;
    this.s.timerSet = false;
    this.effects.push({ type: "timer", ms: null });
  }

  /**
   * Writes the newest state over the synced revision. Not over an unconfirmed copy: the server's
   * copy at that revision may be another, and a save over it would replace what it never saw.
   */
  save(): void {
    const s = this.s;
    if (s.inFlight || s.conflict || s.unconfirmed) return this.report();
    if (!hasPending(s)) {
      s.firstUnsaved = null;
      return this.report();
    }
    s.inFlight = { revision: s.synced.revision + 1, data: s.local };
    s.failure = null;
    s.deleted = false;
    s.firstUnsaved = null;
    this.effects.push({ type: "write", data: s.local, expectedRevision: s.synced.revision });
    this.report();
  }

  /** The save in flight settled: then whatever came in meanwhile. */
  settled(refused: boolean): void {
    const s = this.s;
    s.inFlight = null;
    const unknown = refused ? s.disowned : null;
    s.disowned = null;
    if (unknown) this.rebase(s.remote && s.remote.revision >= unknown.revision ? s.remote : unknown);
    else if (s.remote) this.receive(s.remote);
    else if (!s.failure && !s.offline && hasPending(s)) this.save();
    this.report();
  }

  /** Another side's copy newer than ours: merge it into the editor's state. */
  receive(theirs: Copy): void {
    const s = this.s;
    s.remote = null;
    // Not newer than what this tab has, or older than the conflict on screen.
    if (theirs.revision <= s.synced.revision || (s.conflict && theirs.revision < s.conflict.revision)) return;
    if (s.inFlight) {
      s.remote = theirs;
      return;
    }
    this.merge(theirs, s.conflict?.base ?? (s.unconfirmed ? UNKNOWN_BASE : s.synced.data));
  }

  merge(theirs: Copy, base: ConversationData): void {
    const s = this.s;
    const result = merged(s.config, base, s.local, theirs.data);
    if (result.conflicts.length > 0) {
      s.conflict = { ...theirs, base };
      if (lastSaveWins(s) && s.keeping !== theirs.revision) {
        // Last save wins, after their copy is in the version history (the function keeps it only
        // while the conversation is still at that revision): see `version-kept`.
        s.keeping = theirs.revision;
        this.effects.push({ type: "save-version", revision: theirs.revision });
      }
      return this.report();
    }
    this.adopt(theirs, result.keepingMine);
  }

  /** The copy this engine took as synced was never the server's: merge with no common base. */
  rebase(theirs: Copy): void {
    this.s.remote = null;
    this.merge(theirs, UNKNOWN_BASE);
  }

  /** Takes `theirs` as the new base and `data` as the editor's state, then saves the difference. */
  adopt(theirs: Copy, data: ConversationData): void {
    const s = this.s;
    s.conflict = null;
    s.failure = null;
    // Merging a reopened copy into the copy opened on confirms nothing of it.
    s.unconfirmed &&= isSynced(s, theirs);
    s.synced = theirs;
    if (!sameValue(data, s.local)) {
      s.received = replaced(s.local, data);
      s.local = data;
      s.remoteRevision += 1;
      this.effects.push({ type: "remote-change", data, revision: theirs.revision });
    }
    // The merge holds this tab's edits on top of theirs: re-save it on the new revision at once.
    if (hasPending(s)) this.save();
    else this.report();
  }

  resolve(side: "keepingMine" | "takingTheirs"): void {
    const { conflict, local, config } = this.s;
    if (!conflict) return;
    this.adopt(conflict, merged(config, conflict.base, local, conflict.data)[side]);
  }

  /** The editor's new state. A message put back exactly as it was before a remote change replaced
   * it is a stale copy in the editor (an input holding its own state), so the remote version stays. */
  update(data: ConversationData, now: number): void {
    const s = this.s;
    const marked = markEdits(restoreReceived(data, s.received), s.synced.data, s.config.uid);
    // The editor handing back the state the engine gave it (after onRemoteChange): nothing to do.
    if (marked === s.local) return this.report();
    s.received = stillUntouched(s.received, marked);
    s.local = marked;
    // An edit during a conflict re-merges: it may settle the conflict (or add to it).
    if (s.conflict) return this.merge(s.conflict, s.conflict.base);
    this.schedule(now);
    this.report();
  }

  /**
   * A snapshot holding writes the SDK has not sent. With none of this engine's in flight, they are
   * another tab's, left queued when it closed: if the engine opened on that copy, it is not yet the
   * server's.
   */
  pendingSnapshot(copy: Copy | null): void {
    const s = this.s;
    if (copy && !s.inFlight && isSynced(s, copy)) s.unconfirmed = copy.revision > s.confirmed;
  }

  snapshot(copy: Copy | null, fromCache: boolean): void {
    const s = this.s;
    if (!copy) {
      // The cache's "missing" is a guess (a conversation just created, a cold cache): only the
      // server's says it was deleted.
      if (fromCache) return;
      s.deleted = true;
      s.failure = new TalkStudioError("not-found", "This conversation was deleted.", {
        reason: "conversation-not-found",
      });
      return this.report();
    }
    if (s.deleted && !fromCache) {
      s.deleted = false;
      s.failure = null;
    }
    // Own echoes: the revision this tab is writing with the data it sent, or anything not newer.
    if (s.inFlight && copy.revision === s.inFlight.revision && sameValue(copy.data, s.inFlight.data))
      return this.report();
    if (copy.revision < s.confirmed) return this.report();
    if (!fromCache) s.confirmed = copy.revision;
    if (s.unconfirmed && !fromCache && isSynced(s, copy)) {
      s.unconfirmed = false;
      // A conflict with the server's copy from before that write landed is obsolete: ask again.
      if (s.conflict && s.conflict.revision < copy.revision) {
        s.conflict = null;
        return this.merge(copy, UNKNOWN_BASE);
      }
      return this.save();
    }
    if (copy.revision > s.synced.revision) {
      this.receive(copy);
      return this.report();
    }
    // The server's copy at or below our revision, but not ours: what this engine took as synced
    // held a write that was refused (queued before a reload, or opened while still pending).
    if (fromCache || isSynced(s, copy)) return this.report();
    if (s.inFlight) s.disowned = copy;
    else this.rebase(copy);
  }
}

/** Messages whose text `after` changed relative to `before`, with the version each replaced. */
function replaced(before: ConversationData, after: ConversationData): CoreState["received"] {
  const old = keyed(before.conversation.messages);
  const result = new Map<string, { before: string; after: string }>();
  for (const [key, message] of keyed(after.conversation.messages)) {
    const was = old.get(key);
    if (was && was.text !== message.text) result.set(key, { before: was.text, after: message.text });
  }
  return result;
}

/**
 * `data` with the text of every received message it put back to its pre-remote text turned into
 * the remote one. Only the text: a text input keeps state of its own, while the other fields
 * (speaker, time) come from the store, so a speaker switched back is the user's choice.
 */
function restoreReceived(data: ConversationData, received: CoreState["received"]): ConversationData {
  if (received.size === 0) return data;
  let changed = false;
  const messages = [...keyed(data.conversation.messages)].map(([key, message]) => {
    const entry = received.get(key);
    if (!entry || message.text !== entry.before) return message;
    changed = true;
    return { ...message, text: entry.after };
  });
  return changed ? { ...data, conversation: { ...data.conversation, messages } } : data;
}

/** The received texts still as received: a message whose text the user typed is theirs again. */
function stillUntouched(received: CoreState["received"], data: ConversationData): CoreState["received"] {
  if (received.size === 0) return received;
  const now = keyed(data.conversation.messages);
  const result = new Map<string, { before: string; after: string }>();
  for (const [key, entry] of received) {
    if (now.get(key)?.text === entry.after) result.set(key, entry);
  }
  return result;
}

/** The engine's rules: the next state and what the driver must do. */
export function step(state: CoreState, event: CoreEvent): { state: CoreState; effects: CoreEffect[] } {
  const t = new Step(state);
  const s = t.s;
  switch (event.type) {
    case "update":
      t.update(event.data, event.now);
      break;
    case "local-refused":
      s.unfit = event.error;
      t.report();
      break;
    case "timer":
      s.timerSet = false;
      t.save();
      break;
    case "flush":
      t.cancelTimer();
      t.save();
      break;
    case "reopen": {
      const kept = s.kept;
      s.kept = null;
      if (!kept) break;
      // Unedited, it is the base: the cloud's copy wins wherever it differs.
      if (kept.unchanged) t.merge(s.synced, kept.data);
      else if (kept.revision === s.synced.revision) t.save();
      else t.rebase(s.synced);
      break;
    }
    case "saved":
      if (!s.inFlight) break;
      s.synced = s.inFlight;
      s.unconfirmed = false;
      s.confirmed = Math.max(s.confirmed, s.inFlight.revision);
      t.settled(false);
      break;
    case "refused":
      if (!s.inFlight) break;
      s.confirmed = Math.max(s.confirmed, event.current.revision);
      if (!s.remote || event.current.revision > s.remote.revision) s.remote = event.current;
      t.settled(true);
      break;
    case "lost":
      if (!s.inFlight) break;
      // Not answered: try again after a pause, over the same revision.
      s.offline = true;
      t.schedule(event.now);
      t.settled(true);
      break;
    case "failed":
      if (!s.inFlight) break;
      s.failure = event.error;
      t.settled(true);
      break;
    case "snapshot":
      if (!event.pending) t.snapshot(event.copy, event.fromCache);
      else t.pendingSnapshot(event.copy);
      break;
    case "watch-error":
      s.failure = event.error;
      t.report();
      break;
    case "connection": {
      const wasOffline = s.offline;
      s.offline = event.fromCache;
      s.shared = s.config.ownerUid !== s.config.uid || event.hasMembers;
      if (wasOffline && !s.offline && !s.inFlight && !s.conflict) t.save();
      t.report();
      break;
    }
    case "browser":
      s.browserOffline = !event.online;
      t.report();
      break;
    case "version-kept":
    case "version-failed": {
      if (s.keeping === event.revision) s.keeping = null;
      // Only what is provably in the history may be overwritten: a null versionId means the
      // conversation moved on, and the newer copy's snapshot is merged (and kept) in its turn.
      const kept = event.type === "version-kept" && event.versionId !== null;
      if (kept && s.conflict?.revision === event.revision) t.resolve("keepingMine");
      else t.report();
      break;
    }
    case "resolve":
      t.resolve(event.side);
      break;
  }
  return { state: s, effects: t.effects };
}
