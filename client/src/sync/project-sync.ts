// The save engine for the project open in the editor: the SPA hands it every store change, it
// decides when to write, and it merges when another tab or device saved first (merge.ts). This file
// is the driver: it feeds Firebase's answers, timers and browser events to the pure core
// (engine-core.ts, which decides everything) and performs the effects the core asks for.
// Status values and merge rules: docs/conversations.md, "Sync engine".
import { doc, onSnapshot } from "firebase/firestore";
import type { TalkStudio } from "../firebase.js";
import {
  saveVersionContract,
  conversationDataOf as dataOf,
  firestorePaths,
  type ConversationData,
  type StoredConversation,
} from "../schema/index.js";
import { TalkStudioError, toTalkStudioError } from "../talkstudio-error.js";
import { callFunction } from "../call-function.js";
import { requireUid } from "../require-uid.js";
import {
  saveConversation,
  watchConversation,
  type ConversationErrorDetails,
} from "../conversations/index.js";
import { conversationDigest, type SyncedMark } from "./digest.js";
import {
  initialState,
  isIdle,
  step,
  type CoreEffect,
  type CoreEvent,
  type CoreState,
  type SyncStatus,
} from "./engine-core.js";

export type { SyncStatus };

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
   * Quiet time after the last change before a save; default SAVE_DEBOUNCE_MS.solo (1000 ms), or
   * SAVE_DEBOUNCE_MS.shared (300 ms) while the conversation has members.
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
  /**
   * Goes up by one each time a remote change is applied to the editor's state (`onRemoteChange`):
   * editors that keep their own copy of a field (an input's `useState`) key on it to take it in.
   */
  readonly remoteRevision: number;
  /** Call with every store change. The engine keeps a reference: pass new objects, do not mutate. */
  update(data: ConversationData): void;
  /**
   * The editor's newest state does not fit (`fitConversationData`'s error; `update` had the last
   * that did): the status is that `error` until this is called with null. Nothing newer is saved.
   */
  refuseLocal(error: TalkStudioError | null): void;
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

const copyOf = (stored: StoredConversation) => ({ revision: stored.revision, data: dataOf(stored) });

/** A save's failure as the core's event: their copy, no answer, or a refusal. */
function saveFailure(error: unknown): CoreEvent {
  const typed = toTalkStudioError(error) as TalkStudioError<ConversationErrorDetails>;
  const current = typed.details.current;
  if (typed.kind === "conflict" && current) return { type: "refused", current: copyOf(current) };
  if (typed.kind === "unavailable") return { type: "lost", now: Date.now() };
  return { type: "failed", error: typed };
}

export function createProjectSync(ts: TalkStudio, options: ProjectSyncOptions): ProjectSync {
  const { id } = options;
  const uid = requireUid(ts);
  const ownerUid = options.ownerUid ?? uid;
  const owner = { ownerUid };
  // The SDK notices a lost connection only when a request fails, which a hanging stream can take
  // many seconds to do; the browser knows at once (and Node has no `onLine`).
  const browserOffline = () => (globalThis.navigator as Navigator | undefined)?.onLine === false;
  const listensToBrowser = typeof globalThis.addEventListener === "function";
  const listeners = new Set<(status: SyncStatus) => void>();
  if (options.onStatus) listeners.add(options.onStatus);

  let state: CoreState = initialState({
    config: {
      uid,
      ownerUid,
      sameEdits: options.sameEdits,
      debounceMs: options.debounceMs,
      maxWaitMs: options.maxWaitMs,
    },
    synced: { revision: options.revision, data: dataOf(options.data) },
    local: options.local && { ...options.local, data: dataOf(options.local.data) },
    browserOffline: browserOffline(),
  });
  let reported = state.status;
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: Array<(status: SyncStatus) => void> = [];

  const notify = () => {
    for (const listener of listeners) listener(state.status);
  };

  function dispatch(event: CoreEvent): void {
    const result = step(state, event);
    state = result.state;
    result.effects.forEach(perform);
    if (isIdle(state)) idle.splice(0).forEach((resolve) => resolve(state.status));
  }

  function perform(effect: CoreEffect): void {
    switch (effect.type) {
      case "write":
        saveConversation(ts, id, effect.data, effect.expectedRevision, owner).then(
          () => dispatch({ type: "saved" }),
          (error: unknown) => dispatch(saveFailure(error)),
        );
        return;
      case "save-version":
        void keepVersion(effect.revision);
        return;
      case "timer":
        if (timer) clearTimeout(timer);
        timer =
          effect.ms === null
            ? undefined
            : setTimeout(() => {
                timer = undefined;
                dispatch({ type: "timer" });
              }, effect.ms);
        return;
      case "remote-change":
        options.onRemoteChange?.(effect.data, { revision: effect.revision });
        return notify();
      case "status":
        // A nested dispatch (onRemoteChange calling update) may have reported a newer one already.
        if (state.status === reported) return;
        reported = state.status;
        return notify();
    }
  }

  /** Last save wins: their copy goes into the version history before this side's is saved over it. */
  async function keepVersion(revision: number): Promise<void> {
    try {
      const answer = await callFunction(ts, saveVersionContract, {
        ownerUid,
        conversationId: id,
        revision,
        kind: "overwritten",
      });
      dispatch({ type: "version-kept", revision, versionId: answer.versionId });
    } catch {
      dispatch({ type: "version-failed", revision });
    }
  }

  // The editor's own copy after a reload is merged after the watch's first snapshot: that one says
  // whether the copy opened on holds a closed tab's queued write (engine-core.ts, `unconfirmed`).
  let reopenDue = state.kept !== null;
  const reopen = () => {
    if (!reopenDue) return;
    reopenDue = false;
    dispatch({ type: "reopen" });
  };
  const stopWatch = watchConversation(
    ts,
    id,
    (stored, { pending, fromCache }) => {
      dispatch({ type: "snapshot", copy: stored && copyOf(stored), fromCache, pending });
      reopen();
    },
    (error) => {
      dispatch({ type: "watch-error", error });
      reopen();
    },
    owner,
  );
  // The SDK queues writes while offline instead of failing them: the cache flag says when that is.
  const stopConnection = onSnapshot(
    doc(ts.db, firestorePaths.conversation(ownerUid, id)),
    { includeMetadataChanges: true },
    (snapshot) =>
      dispatch({
        type: "connection",
        fromCache: snapshot.metadata.fromCache,
        hasMembers: Object.keys((snapshot.get("members") as object | undefined) ?? {}).length > 0,
      }),
    // Its errors (a sign-out, say) reach the UI once, through the conversation watch above.
    () => undefined,
  );

  const onConnectivity = () => dispatch({ type: "browser", online: !browserOffline() });
  if (listensToBrowser) {
    addEventListener("online", onConnectivity);
    addEventListener("offline", onConnectivity);
  }

  let marked: { synced: CoreState["synced"]; mark: SyncedMark } | null = null;
  const settle = () =>
    new Promise<SyncStatus>((resolve) => {
      if (isIdle(state)) resolve(state.status);
      else idle.push(resolve);
    });

  return {
    get status() {
      return state.status;
    },
    get remoteRevision() {
      return state.remoteRevision;
    },
    get mark() {
      if (state.status.state !== "saved") return null;
      const { synced } = state;
      if (marked?.synced !== synced)
        marked = { synced, mark: { revision: synced.revision, digest: conversationDigest(synced.data) } };
      return marked.mark;
    },
    update(data) {
      if (disposed) throw new TalkStudioError("failed-precondition", "This project sync was disposed.");
      dispatch({ type: "update", data: dataOf(data), now: Date.now() });
    },
    refuseLocal: (error) => dispatch({ type: "local-refused", error }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    keepMine: () => dispatch({ type: "resolve", side: "keepingMine" }),
    takeTheirs: () => dispatch({ type: "resolve", side: "takingTheirs" }),
    flush() {
      dispatch({ type: "flush" });
      return settle();
    },
    async dispose() {
      disposed = true;
      const final = await this.flush();
      stopWatch();
      stopConnection();
      if (timer) clearTimeout(timer);
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
