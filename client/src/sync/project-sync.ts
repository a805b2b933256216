// The save engine for the project open in the editor: the SPA hands it every store change, it
// decides when to write, and it merges when another tab or device saved first (merge.ts).
// Status values and merge rules: docs/conversations.md, "Sync engine".
import { doc, onSnapshot } from "firebase/firestore";
import type { TalkStudio } from "../firebase.js";
import {
  COLLABORATION_LIMITS,
  conversationDataOf as dataOf,
  firestorePaths,
  type ConversationData,
} from "../schema/index.js";
import { TalkStudioError, toTalkStudioError } from "../talkstudio-error.js";
import { requireUid } from "../require-uid.js";
import {
  saveConversation,
  watchConversation,
  type ConversationErrorDetails,
} from "../conversations/index.js";
import { markEdits, mergeConversations, sameValue, type MergeConflict } from "./merge.js";
import { conversationDigest, type SyncedMark } from "./digest.js";

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

export interface ProjectSyncOptions {
  /** The conversation open in the editor. */
  readonly id: string;
  /** Whose conversation: default the signed-in user's own; an editor of a shared one passes its owner. */
  readonly ownerUid?: string;
  /**
   * What happens when another side changed the same message (or field, or order) differently:
   * `"ask"` shows a `conflict` until `keepMine()` or `takeTheirs()`; `"last-save-wins"` keeps this
   * side's version with no prompt, after the text it replaces is kept in the version history
   * (docs/collaboration.md). Default: `"last-save-wins"` while someone else can be editing (the
   * conversation has members, or it is someone else's), `"ask"` between one's own tabs.
   */
  readonly sameEdits?: "ask" | "last-save-wins";
  /** What the editor loaded and its revision (from `getConversation` or `createConversation`). */
  readonly revision: number;
  readonly data: ConversationData;
  /**
   * The editor's own copy when it may hold edits the server lacks (the SPA's LocalStorage project
   * after a reload), with the revision it was last synced at (`status.revision` when it was kept).
   * At that same revision it is saved over `data`; behind it, both sides' edits are merged and what
   * differs between them is a conflict, since the copy they both started from is gone. The SPA
   * never replaces its copy with the cloud's unmerged.
   */
  readonly local?: {
    readonly data: ConversationData;
    readonly revision: number;
    /**
     * Nothing was edited in this copy since it was synced at `revision` (`conversationDigest` of
     * it equals the one kept when it was): a newer cloud copy then replaces it with no conflict.
     */
    readonly unchanged?: boolean;
  };
  /**
   * Quiet time after the last change before a save; default COLLABORATION_LIMITS.soloDebounceMs
   * (1000 ms), or sharedDebounceMs (300 ms) while the conversation has members.
   */
  readonly debounceMs?: number;
  /** A save waits at most this long while changes keep coming; default 5 × debounceMs. */
  readonly maxWaitMs?: number;
  /**
   * Another tab or device changed the conversation: `data` is the editor's new state (their change
   * merged with any unsaved edits of this tab). Put it in the store; own saves never call this.
   */
  readonly onRemoteChange?: (data: ConversationData, info: { readonly revision: number }) => void;
  /** Called with every new status (also available as `status` and through `subscribe`). */
  readonly onStatus?: (status: SyncStatus) => void;
}

export interface ProjectSync {
  /** The current status; the same object until it changes (fits React's useSyncExternalStore). */
  readonly status: SyncStatus;
  /**
   * While `saved`: the mark of the copy the editor holds, which is the server's (keep it beside the
   * editor's own copy: `local.unchanged` after a reload). Otherwise null.
   */
  readonly mark: SyncedMark | null;
  /** Call with every store change. The engine keeps a reference: pass new objects, do not mutate. */
  update(data: ConversationData): void;
  /** Listens to status changes; returns the function that stops listening. */
  subscribe(listener: (status: SyncStatus) => void): () => void;
  /** Resolves a conflict with this tab's version of every conflicting item (both sides' other edits stay). */
  keepMine(): void;
  /** Resolves a conflict with the other side's version of every conflicting item (this tab's other edits stay). */
  takeTheirs(): void;
  /** Saves now instead of after the debounce; resolves once the engine is idle, with its status. */
  flush(): Promise<SyncStatus>;
  /**
   * Writes what is pending, stops watching, and resolves with the final status: `pending: false` when
   * everything reached the server; otherwise (`offline`, `conflict`, `error`) the caller keeps the
   * state it last passed to `update`.
   */
  dispose(): Promise<SyncStatus>;
}

/**
 * The base of a merge when the revision both sides started from is unknown: every item both sides
 * hold differently is a conflict, and nothing one side holds is dropped.
 */
const UNKNOWN_BASE = { conversation: { messages: [], authors: [] } } as unknown as ConversationData;

export function createProjectSync(ts: TalkStudio, options: ProjectSyncOptions): ProjectSync {
  const { id } = options;
  const uid = requireUid(ts);
  const ownerUid = options.ownerUid ?? uid;
  const owner = { ownerUid };
  /** Someone else can be editing: a member's view of another's conversation, or one with members. */
  let shared = ownerUid !== uid;
  const debounceMs = () =>
    options.debounceMs ??
    (shared ? COLLABORATION_LIMITS.sharedDebounceMs : COLLABORATION_LIMITS.soloDebounceMs);
  const lastSaveWins = () => (options.sameEdits ?? (shared ? "last-save-wins" : "ask")) === "last-save-wins";
  const maxWaitMs = () => options.maxWaitMs ?? 5 * debounceMs();
  const listeners = new Set<(status: SyncStatus) => void>();
  if (options.onStatus) listeners.add(options.onStatus);

  /** The last state known to be on the server: the base of every merge. */
  let synced = { revision: options.revision, data: dataOf(options.data) };
  /** The editor's own copy after a reload, when it differs: merged once the caller holds `sync`. */
  const kept = options.local && { ...options.local, data: dataOf(options.local.data) };
  const reopening = kept !== undefined && !sameValue(kept.data, synced.data);
  /** The editor's newest state, every message it changed marked with this user's uid. */
  let local = reopening ? kept.data : synced.data;
  /** The revision whose text a last-save-wins resolution is putting in the history first. */
  let keeping: number | null = null;
  /** The save being written, if any: one at a time. */
  let inFlight: { revision: number; data: ConversationData } | null = null;
  /** Newer than `synced`, seen while a save was in flight: handled once it settles. */
  let remote: { revision: number; data: ConversationData } | null = null;
  /**
   * The server's copy, seen while a save was in flight, that disagrees with `synced` at or below its
   * revision: `synced` held a write the server refused. Handled once the save settles.
   */
  let disowned: { revision: number; data: ConversationData } | null = null;
  /** Their copy, and the base it is merged against, while a conflict waits for the user. */
  let conflict: { revision: number; data: ConversationData; base: ConversationData } | null = null;
  let failure: TalkStudioError | null = null;
  /**
   * The newest revision known to be on the server (saved, or read back from it). A snapshot older
   * than it is the listener catching up, never a sign that a write of ours was refused.
   */
  let confirmed = 0;
  let offline = false;
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstUnsaved: number | null = null;
  let idle: Array<(status: SyncStatus) => void> = [];
  let status: SyncStatus = reopening
    ? { state: "saving", revision: synced.revision, pending: true }
    : { state: "saved", revision: synced.revision, pending: false };

  const pending = () => !sameValue(local, synced.data);
  // The SDK notices a lost connection only when a request fails, which a hanging stream can take
  // many seconds to do; the browser knows at once (and Node has no `onLine`).
  const browserOffline = () => (globalThis.navigator as Navigator | undefined)?.onLine === false;
  const listensToBrowser = typeof globalThis.addEventListener === "function";

  function report(): void {
    const revision = synced.revision;
    let next: SyncStatus;
    if (conflict && keeping === conflict.revision) {
      next = { state: "saving", revision, pending: true };
    } else if (conflict) {
      const { conflicts } = mergeConversations(conflict.base, local, conflict.data);
      next = { state: "conflict", revision, pending: true, conflicts };
    } else if (failure) next = { state: "error", revision, pending: pending(), error: failure };
    else if ((offline || browserOffline()) && (inFlight || pending()))
      next = { state: "offline", revision, pending: true };
    else if (inFlight || pending()) next = { state: "saving", revision, pending: true };
    else next = { state: "saved", revision, pending: false };
    if (!sameValue(next, status)) {
      status = next;
      for (const listener of listeners) listener(status);
    }
    if (next.state !== "saving" && !timer) idle.splice(0).forEach((resolve) => resolve(status));
  }

  function schedule(): void {
    if (timer) clearTimeout(timer);
    firstUnsaved ??= Date.now();
    const wait = Math.max(0, Math.min(debounceMs(), firstUnsaved + maxWaitMs() - Date.now()));
    timer = setTimeout(() => {
      timer = undefined;
      void save();
    }, wait);
  }

  /** Writes the newest state over the synced revision; then whatever came in meanwhile. */
  async function save(): Promise<void> {
    if (inFlight || conflict) return report();
    if (!pending()) {
      firstUnsaved = null;
      return report();
    }
    const sending = { revision: synced.revision + 1, data: local };
    inFlight = sending;
    failure = null;
    firstUnsaved = null;
    report();
    let refused = false;
    try {
      await saveConversation(ts, id, sending.data, synced.revision, owner);
      synced = sending;
      confirmed = Math.max(confirmed, sending.revision);
    } catch (error) {
      refused = true;
      const typed = toTalkStudioError(error) as TalkStudioError<ConversationErrorDetails>;
      const current = typed.details.current;
      if (typed.kind === "conflict" && current) {
        confirmed = Math.max(confirmed, current.revision);
        if (!remote || current.revision > remote.revision)
          remote = { revision: current.revision, data: dataOf(current) };
      } else if (typed.kind === "unavailable") {
        // Not answered (the refusal could not be looked into, say): try again after a pause.
        offline = true;
        schedule();
      } else failure = typed;
    } finally {
      inFlight = null;
    }
    const unknown = refused ? disowned : null;
    disowned = null;
    if (unknown) rebase(remote && remote.revision >= unknown.revision ? remote : unknown);
    else if (remote) receive(remote);
    else if (!failure && !offline && pending()) void save();
    report();
  }

  /** Another side's copy newer than ours: merge it into the editor's state. */
  function receive(theirs: { revision: number; data: ConversationData }): void {
    remote = null;
    // Not newer than what this tab has, or older than the conflict on screen.
    if (theirs.revision <= synced.revision || (conflict && theirs.revision < conflict.revision)) return;
    if (inFlight) {
      remote = theirs;
      return;
    }
    merge(theirs, conflict?.base ?? synced.data);
  }

  function merge(theirs: { revision: number; data: ConversationData }, base: ConversationData): void {
    const result = mergeConversations(base, local, theirs.data);
    if (result.conflicts.length > 0) {
      conflict = { ...theirs, base };
      if (lastSaveWins() && keeping !== theirs.revision) void overrule(conflict);
      return report();
    }
    adopt(theirs, result.keepingMine);
  }

  /** The copy this engine took as synced was never the server's: merge with no common base. */
  function rebase(theirs: { revision: number; data: ConversationData }): void {
    remote = null;
    merge(theirs, UNKNOWN_BASE);
  }

  /** Takes `theirs` as the new base and `data` as the editor's state, then saves the difference. */
  function adopt(theirs: { revision: number; data: ConversationData }, data: ConversationData): void {
    conflict = null;
    failure = null;
    synced = theirs;
    const changed = !sameValue(data, local);
    local = data;
    if (changed) options.onRemoteChange?.(data, { revision: theirs.revision });
    // The merge holds this tab's edits on top of theirs: re-save it on the new revision at once.
    if (pending()) void save();
    else report();
  }

  /**
   * Last save wins: their copy goes into the version history (the function takes it only while the
   * conversation is still at that revision), then this side's version of each conflicting item is
   * saved over it. If the history cannot take it, the conflict is shown as with "ask".
   */
  async function overrule(theirs: { revision: number; data: ConversationData }): Promise<void> {
    keeping = theirs.revision;
    try {
      // Loaded on first use: an app that never overrules bundles no Functions code in its main chunk.
      const [{ callFunction }, { callables }] = await Promise.all([
        import("../call-function.js"),
        import("../schema/contracts.js"),
      ]);
      await callFunction(ts, callables.saveVersion, {
        ownerUid,
        conversationId: id,
        revision: theirs.revision,
        kind: "overwritten",
      });
    } catch {
      if (keeping === theirs.revision) keeping = null;
      return report();
    }
    if (keeping === theirs.revision) keeping = null;
    // Still a conflict with that revision (an edit meanwhile re-merges it into a new object; a newer
    // save may have settled or replaced it).
    if (conflict?.revision === theirs.revision) resolve("keepingMine");
    else report();
  }

  function resolve(side: "keepingMine" | "takingTheirs"): void {
    if (!conflict) return;
    adopt(conflict, mergeConversations(conflict.base, local, conflict.data)[side]);
  }

  const stopWatch = watchConversation(
    ts,
    id,
    (stored, { pending, fromCache }) => {
      // Not the server's yet (own save, another tab's, one queued before a reload): it may be refused.
      if (pending) return;
      if (!stored) {
        failure = new TalkStudioError("not-found", `Conversation ${id} was deleted.`);
        return report();
      }
      // Own echoes: the revision this tab is writing with the data it sent, or anything not newer.
      if (inFlight && stored.revision === inFlight.revision && sameValue(dataOf(stored), inFlight.data))
        return;
      const theirs = { revision: stored.revision, data: dataOf(stored) };
      if (theirs.revision < confirmed) return;
      if (!fromCache) confirmed = theirs.revision;
      if (theirs.revision > synced.revision) return receive(theirs);
      // The server's copy at or below our revision, but not ours: what this engine took as synced
      // held a write that was refused (queued before a reload, or opened while still pending).
      if (fromCache || (theirs.revision === synced.revision && sameValue(theirs.data, synced.data))) return;
      if (inFlight) disowned = theirs;
      else rebase(theirs);
    },
    (error) => {
      failure = error;
      report();
    },
    owner,
  );
  // The SDK queues writes while offline instead of failing them: the cache flag says when that is.
  const stopConnection = onSnapshot(
    doc(ts.db, firestorePaths.conversation(ownerUid, id)),
    { includeMetadataChanges: true },
    (snapshot) => {
      const wasOffline = offline;
      offline = snapshot.metadata.fromCache;
      shared =
        ownerUid !== uid || Object.keys((snapshot.get("members") as object | undefined) ?? {}).length > 0;
      if (wasOffline && !offline && !inFlight && !conflict) void save();
      report();
    },
    // Its errors (a sign-out, say) reach the UI once, through the conversation watch above.
    () => undefined,
  );

  const onConnectivity = () => report();
  if (listensToBrowser) {
    addEventListener("online", onConnectivity);
    addEventListener("offline", onConnectivity);
  }

  // The editor's own copy after a reload: once the caller holds `sync` (onRemoteChange may use it).
  // Unedited, it is the base: the cloud's copy wins wherever it differs.
  if (reopening) {
    queueMicrotask(() => {
      if (kept.unchanged) merge(synced, kept.data);
      else if (kept.revision === synced.revision) void save();
      else rebase(synced);
    });
  }

  let marked: { synced: typeof synced; mark: SyncedMark } | null = null;
  const settle = () => new Promise<SyncStatus>((resolve) => (idle.push(resolve), report()));

  return {
    get status() {
      return status;
    },
    get mark() {
      if (status.state !== "saved") return null;
      if (marked?.synced !== synced)
        marked = { synced, mark: { revision: synced.revision, digest: conversationDigest(synced.data) } };
      return marked.mark;
    },
    update(data) {
      if (disposed) throw new TalkStudioError("failed-precondition", "This project sync was disposed.");
      local = markEdits(dataOf(data), synced.data, uid);
      // An edit during a conflict re-merges: it may settle the conflict (or add to it).
      if (conflict) return merge(conflict, conflict.base);
      schedule();
      report();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    keepMine: () => resolve("keepingMine"),
    takeTheirs: () => resolve("takingTheirs"),
    flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      void save();
      return settle();
    },
    async dispose() {
      disposed = true;
      const final = await this.flush();
      stopWatch();
      stopConnection();
      if (listensToBrowser) {
        removeEventListener("online", onConnectivity);
        removeEventListener("offline", onConnectivity);
      }
      listeners.clear();
      idle = [];
      return final;
    },
  };
}
