import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { ConversationData } from "../schema/index.js";
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
  /** The editor's newest state: a new object on each change (memoise it), never mutated. */
  readonly data: ConversationData;
  /**
   * When the editor started from its own copy, not the cloud's (the SPA's LocalStorage project
   * after a reload): the cloud's copy at `revision`, and the revision the editor's copy was last
   * synced at (`status.revision`, kept with it). Read once; `createProjectSync`'s `local`.
   */
  readonly reopened?: { readonly cloud: ConversationData; readonly syncedRevision: number };
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
}

/** Before the engine has started (and with nothing open): nothing is waiting. */
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
  },
): ProjectSyncState {
  const ts = useTalkStudio();
  const [sync, setSync] = useState<ProjectSync | null>(null);
  const latest = useRef({ project, options });
  latest.current = { project, options };
  const id = project?.id;
  const { ownerUid } = options;

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
      ...(reopened ? { local: { data: opened.data, revision: reopened.syncedRevision } } : {}),
      ...(debounceMs ? { debounceMs } : {}),
      onRemoteChange: (data) => latest.current.options.onRemoteChange(data),
    });
    setSync(created);
    return () => {
      setSync(null);
      void created.dispose();
    };
  }, [ts, id, ownerUid]);

  const data = project?.data;
  useEffect(() => {
    if (sync && data) sync.update(data);
  }, [sync, data]);

  const status = useSyncExternalStore(
    useCallback((listener: () => void) => sync?.subscribe(listener) ?? (() => undefined), [sync]),
    () => sync?.status ?? IDLE,
  );
  const conflict =
    status.state === "conflict" && sync
      ? { conflicts: status.conflicts, keepMine: () => sync.keepMine(), takeTheirs: () => sync.takeTheirs() }
      : null;
  const flush = useCallback(() => sync?.flush() ?? Promise.resolve(status), [sync, status]);
  return { status, pending: status.pending, conflict, flush };
}
