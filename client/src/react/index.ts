// React bindings: @talkstudio/client/react. The TalkStudio instance reaches every hook through
// <TalkStudioProvider ts={ts}>, so components never import it; docs/react.md says how each hook
// behaves. React is an optional peer dependency: only this entry point imports it.
import {
  createContext,
  createElement,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import type { User } from "firebase/auth";
import type { TalkStudio } from "../firebase.js";
import type { CacheStatus } from "../offline-cache.js";
import { onUserChanged } from "../auth/index.js";
import { watchConversations, type ListOptions } from "../conversations/index.js";
import type { ConversationData, ConversationSummary, ShareSettings } from "../schema/index.js";
import { listShares } from "../shares/index.js";
import { createProjectSync, type MergeConflict, type ProjectSync, type SyncStatus } from "../sync/index.js";
import { TalkStudioError, toTalkStudioError } from "../talkstudio-error.js";

const TalkStudioContext = createContext<TalkStudio | null>(null);

/** Makes `ts` (one `createTalkStudio` for the whole app) available to every hook below it. */
export function TalkStudioProvider(props: { readonly ts: TalkStudio; readonly children?: ReactNode }) {
  return createElement(TalkStudioContext.Provider, { value: props.ts }, props.children);
}

/** The provider's TalkStudio; throws `failed-precondition` outside a `TalkStudioProvider`. */
export function useTalkStudio(): TalkStudio {
  const ts = useContext(TalkStudioContext);
  if (!ts) throw new TalkStudioError("failed-precondition", "Wrap the app in <TalkStudioProvider ts={…}>.");
  return ts;
}

export interface Session {
  /** The signed-in user, or null. */
  readonly user: User | null;
  /** False until Firebase Auth has restored (or not) the previous session: show nothing yet. */
  readonly ready: boolean;
}

/** One auth listener per TalkStudio, shared by every component: snapshots stay the same object. */
const sessions = new WeakMap<TalkStudio, { current: Session; subscribe: (cb: () => void) => () => void }>();

function sessionStore(ts: TalkStudio) {
  let store = sessions.get(ts);
  if (!store) {
    const listeners = new Set<() => void>();
    let stop: (() => void) | undefined;
    const created = {
      current: { user: ts.auth.currentUser, ready: false } as Session,
      subscribe(listener: () => void) {
        listeners.add(listener);
        stop ??= onUserChanged(ts, (user) => {
          created.current = { user, ready: true };
          listeners.forEach((l) => l());
        });
        return () => {
          listeners.delete(listener);
          if (listeners.size === 0) {
            stop?.();
            stop = undefined;
          }
        };
      },
    };
    store = created;
    sessions.set(ts, store);
  }
  return store;
}

/** The signed-in user, following sign-in and sign-out. */
export function useSession(): Session {
  const store = sessionStore(useTalkStudio());
  return useSyncExternalStore(store.subscribe, () => store.current);
}

/** Where Firestore keeps its cache (`persistent`, or `memory` and why): for an "offline" badge. */
export function useCacheStatus(): CacheStatus {
  const { cache } = useTalkStudio();
  return useSyncExternalStore(
    useCallback((listener: () => void) => cache.subscribe(listener), [cache]),
    () => cache.status,
  );
}

export interface Loaded<T> {
  /** What was read; empty while loading or signed out. */
  readonly items: T[];
  readonly loading: boolean;
  readonly error: TalkStudioError | null;
}

const NOTHING: Loaded<never> = { items: [], loading: false, error: null };
const LOADING: Loaded<never> = { items: [], loading: true, error: null };

/**
 * The signed-in user's list, live (`watchConversations`): other tabs' and devices' new, renamed,
 * saved and deleted conversations arrive by themselves. Empty when signed out.
 */
export function useConversations(options: ListOptions = {}): Loaded<ConversationSummary> {
  const ts = useTalkStudio();
  const uid = useSession().user?.uid;
  const [state, setState] = useState<Loaded<ConversationSummary> & { key?: string }>(NOTHING);
  // Options arrive as a new object each render: watch again only when what they say changes.
  const key = uid ? `${uid} ${JSON.stringify(options)}` : undefined;
  useEffect(() => {
    if (!key) return;
    setState({ ...LOADING, key });
    return watchConversations(
      ts,
      JSON.parse(key.slice(key.indexOf(" ") + 1)) as ListOptions,
      (items) => setState({ items, loading: false, error: null, key }),
      (error) => setState({ items: [], loading: false, error, key }),
    );
  }, [ts, key]);
  return state.key === key ? state : key ? LOADING : NOTHING;
}

/**
 * The signed-in user's shares of one conversation (revoked and expired ones included), newest
 * first. Shares are not watched: call `refresh()` after creating, changing or revoking one.
 */
export function useShares(
  conversationId: string | null,
): Loaded<ShareSettings> & { readonly refresh: () => void } {
  const ts = useTalkStudio();
  const uid = useSession().user?.uid;
  const [state, setState] = useState<Loaded<ShareSettings> & { key?: string }>(NOTHING);
  const [round, setRound] = useState(0);
  const key = uid && conversationId ? `${uid} ${conversationId} ${round}` : undefined;
  useEffect(() => {
    if (!key || !conversationId) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true, key }));
    listShares(ts, { conversationId, pageSize: 100 }).then(
      ({ items }) => current && setState({ items, loading: false, error: null, key }),
      (error: unknown) =>
        current && setState({ items: [], loading: false, error: toTalkStudioError(error), key }),
    );
    return () => {
      current = false;
    };
  }, [ts, key, conversationId]);
  const refresh = useCallback(() => setRound((n) => n + 1), []);
  const shown = state.key === key ? state : key ? { ...state, loading: true } : NOTHING;
  return { ...shown, refresh };
}

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
  },
): ProjectSyncState {
  const ts = useTalkStudio();
  const [sync, setSync] = useState<ProjectSync | null>(null);
  const latest = useRef({ project, options });
  latest.current = { project, options };
  const id = project?.id;

  useEffect(() => {
    const opened = latest.current.project;
    if (!opened) return;
    const { reopened } = opened;
    const created = createProjectSync(ts, {
      id: opened.id,
      revision: opened.revision,
      data: reopened ? reopened.cloud : opened.data,
      ...(reopened ? { local: { data: opened.data, revision: reopened.syncedRevision } } : {}),
      ...(latest.current.options.debounceMs ? { debounceMs: latest.current.options.debounceMs } : {}),
      onRemoteChange: (data) => latest.current.options.onRemoteChange(data),
    });
    setSync(created);
    return () => {
      setSync(null);
      void created.dispose();
    };
  }, [ts, id]);

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
