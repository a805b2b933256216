import { useCallback, useSyncExternalStore } from "react";
import type { User } from "firebase/auth";
import type { TalkStudio } from "../firebase.js";
import type { CacheStatus } from "../offline-cache.js";
import { onUserChanged } from "../auth/index.js";
import { useTalkStudio } from "./provider.js";

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
