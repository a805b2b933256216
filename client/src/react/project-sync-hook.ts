import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { ConversationData } from "../schema/index.js";
import type { TalkStudioError } from "../talkstudio-error.js";
import type { SyncedMark } from "../sync/digest.js";
import { reopenedCopy } from "../sync/reopened-copy.js";
import {
  createProjectSync,
  type MergeConflict,
  type ProjectSync,
  type ProjectSyncOptions,
  type SyncStatus,
} from "../sync/index.js";
import { useTalkStudio } from "./provider.js";

/** The project open in the editor: the cloud's revision, and the editor's newest state. */
export interface OpenProject {
  readonly id: string;
  /** The cloud's revision when it was opened (read once, when `id` changes). */
  readonly revision: number;
  /**
   * The editor's newest state that fits: a new object on each change (memoise it), never mutated.
   * When the editor's state does not fit (`fitConversationData` answered an error), pass the last
   * state that did here and the error as `refused`.
   */
  readonly data: ConversationData;
  /**
   * Why the editor's newest state cannot be saved (`fitConversationData`'s error): while set, the
   * status is that `error` and nothing newer than `data` is saved; the editor's copy stays as it is.
   */
  readonly refused?: TalkStudioError | null;
  /**
   * When the editor started from its own copy, not the cloud's (the SPA's LocalStorage project
   * after a reload): the cloud's copy at `revision` (getConversation's answer will do) and what is
   * known of the editor's copy. Either the marks kept while it was synced (`synced`, see
   * `rememberSynced`): a copy that still matches one was not edited since, and the cloud's newer
   * copy replaces it with no conflict; or, for an editor that keeps its copy only while it has
   * unsaved changes, the revision it was last synced at (`syncedRevision`). Read once;
   * `createProjectSync`'s `local`.
   */
  readonly reopened?: {
    readonly cloud: ConversationData;
    readonly synced?: readonly SyncedMark[];
    readonly syncedRevision?: number;
  };
}

export interface ProjectSyncState {
  readonly status: SyncStatus;
  /** The editor holds changes the server does not have. */
  readonly pending: boolean;
  /** Set while the same thing was changed on both sides: show both, let the user pick. */
  readonly conflict: {
    readonly conflicts: readonly MergeConflict[];
    readonly keepMine: () => void;
    readonly takeTheirs: () => void;
  } | null;
  /** Saves now; resolves with the status once idle. */
  readonly flush: () => Promise<SyncStatus>;
  /** While `saved`, the mark to keep beside the editor's own copy (`rememberSynced`); else null. */
  readonly synced: SyncedMark | null;
  /**
   * Goes up by one each time another tab's or device's change is applied to the editor's state:
   * an input that keeps its own copy of a field (`useState(message.text)`) takes `key={remoteRevision}`
   * so it shows the new text instead of saving the old one over it. 0 before any.
   */
  readonly remoteRevision: number;
  /** During a conflict, resolves it with this side's version of each conflicting item; else nothing. */
  readonly keepMine: () => void;
  /** During a conflict, resolves it with the other side's version of each conflicting item; else nothing. */
  readonly takeTheirs: () => void;
}

/** Before the engine of the open project has started (and with nothing open): nothing is waiting. */
const IDLE: SyncStatus = { state: "saved", revision: 0, pending: false };

/**
 * Saves the open project as it changes (`createProjectSync`): one engine per `project.id`,
 * disposed (what is pending written first) when the id changes or the component unmounts. Another
 * tab's or device's change reaches `onRemoteChange`: put it in the store. Pass null when nothing
 * is open.
 */
export function useProjectSync(
  project: OpenProject | null,
  options: {
    readonly onRemoteChange: (data: ConversationData) => void;
    readonly debounceMs?: number;
    /** A conversation shared with the signed-in user: its owner (a new engine when it changes). */
    readonly ownerUid?: string;
    /** `createProjectSync`'s, read when the engine starts: members editing together use "last-save-wins". */
    readonly sameEdits?: ProjectSyncOptions["sameEdits"];
    /**
     * Called at once when the tab is hidden or closed holding changes the server does not have,
     * before the save: write the editor's copy where a reload finds it (the SPA's LocalStorage
     * project). The page may go before the SDK has written its queue to IndexedDB; a synchronous
     * write is kept. Not called with nothing pending, so an idle tab never writes its copy over
     * a newer one another tab left.
     */
    readonly onLeave?: () => void;
  },
): ProjectSyncState {
  const ts = useTalkStudio();
  const [engine, setEngine] = useState<{ key: string; sync: ProjectSync } | null>(null);
  const latest = useRef({ project, options });
  latest.current = { project, options };
  const id = project?.id;
  const { ownerUid } = options;
  const key = `${ownerUid ?? ""}/${id ?? ""}`;
  // For one render after the project changes the previous engine is still held: never report it.
  const sync = engine?.key === key ? engine.sync : null;

  useEffect(() => {
    const opened = latest.current.project;
    if (!opened) return;
    const { reopened } = opened;
    const { debounceMs, sameEdits } = latest.current.options;
    const created = createProjectSync(ts, {
      id: opened.id,
      ...(ownerUid ? { ownerUid } : {}),
      ...(sameEdits ? { sameEdits } : {}),
      revision: opened.revision,
      data: reopened ? reopened.cloud : opened.data,
      ...(reopened ? { local: reopenedCopy(opened.data, reopened) } : {}),
      ...(debounceMs ? { debounceMs } : {}),
      onRemoteChange: (data) => latest.current.options.onRemoteChange(data),
    });
    setEngine({ key, sync: created });
    return () => {
      setEngine(null);
      void created.dispose();
    };
  }, [ts, id, ownerUid, key]);

  const data = project?.data;
  const refused = project?.refused ?? null;
  useEffect(() => {
    if (sync && data) sync.update(data);
  }, [sync, data]);
  useEffect(() => sync?.refuseLocal(refused), [sync, refused]);

  // The last second of typing must reach the server when the tab is hidden or closed.
  useEffect(() => {
    if (!sync || typeof document === "undefined") return;
    const save = () => {
      if (sync.status.pending) latest.current.options.onLeave?.();
      void sync.flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") save();
    };
    addEventListener("pagehide", save);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      removeEventListener("pagehide", save);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [sync]);

  const subscribe = useCallback(
    (listener: () => void) => sync?.subscribe(listener) ?? (() => undefined),
    [sync],
  );
  const status = useSyncExternalStore(subscribe, () => sync?.status ?? IDLE);
  const remoteRevision = useSyncExternalStore(subscribe, () => sync?.remoteRevision ?? 0);
  const conflict =
    status.state === "conflict" && sync
      ? { conflicts: status.conflicts, keepMine: () => sync.keepMine(), takeTheirs: () => sync.takeTheirs() }
      : null;
  const flush = useCallback(() => sync?.flush() ?? Promise.resolve(status), [sync, status]);
  // Read with the status it belongs to (the engine computes it once per synced copy).
  const synced = useMemo(() => (status.state === "saved" ? (sync?.mark ?? null) : null), [sync, status]);
  const keepMine = useCallback(() => sync?.keepMine(), [sync]);
  const takeTheirs = useCallback(() => sync?.takeTheirs(), [sync]);
  return { status, pending: status.pending, conflict, flush, synced, remoteRevision, keepMine, takeTheirs };
}
