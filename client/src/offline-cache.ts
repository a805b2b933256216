// Firestore's cache for `createTalkStudio(app, { offline: true })`: IndexedDB shared by every tab,
// so queued saves and the cached list survive closing the tab. Where IndexedDB cannot be used the
// SDK itself falls back to memory and only logs it, so we probe the same things it needs and say
// so in `ts.cache` instead (docs/conversations.md, "Offline").
import type { FirebaseApp } from "firebase/app";
import {
  getFirestore,
  initializeFirestore,
  persistentLocalCache,
  persistentMultipleTabManager,
  terminate,
  type Firestore,
} from "firebase/firestore";

export type CacheStatus =
  | { readonly mode: "persistent" }
  | {
      readonly mode: "memory";
      /**
       * `not-requested`: created without `offline`; `no-indexeddb`: this environment has no
       * IndexedDB or LocalStorage (the multi-tab manager needs both); `indexeddb-failed`: opening
       * IndexedDB failed (private windows, Safari's faults), `detail` says how; `already-started`:
       * Firestore was already initialised for this app with other settings.
       */
      readonly reason: "not-requested" | "no-indexeddb" | "indexeddb-failed" | "already-started";
      readonly detail?: string;
    };

/** Where Firestore keeps its cache; `status` is the same object until it changes. */
export interface FirestoreCache {
  readonly status: CacheStatus;
  subscribe(listener: (status: CacheStatus) => void): () => void;
}

const PROBE_DB = "talkstudio-cache-probe";

function cacheOf(initial: CacheStatus): FirestoreCache & { set(status: CacheStatus): void } {
  let status = initial;
  const listeners = new Set<(status: CacheStatus) => void>();
  return {
    get status() {
      return status;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      status = next;
      for (const listener of listeners) listener(next);
    },
  };
}

/** Throws where the multi-tab manager cannot run: it needs IndexedDB and LocalStorage. */
function requireStorage(): IDBFactory {
  // Reading either can throw (a sandboxed frame, storage blocked by the user): the same "no".
  const idb = globalThis.indexedDB as IDBFactory | undefined;
  if (!idb || !globalThis.localStorage) throw new Error("no IndexedDB or LocalStorage here");
  return idb;
}

/** Opens (and deletes) a throwaway database: fails where the SDK's own open would fail. */
function probe(idb: IDBFactory): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = idb.open(PROBE_DB);
    request.onsuccess = () => {
      request.result.close();
      idb.deleteDatabase(PROBE_DB);
      resolve();
    };
    request.onerror = () => reject(request.error ?? new Error("IndexedDB open failed"));
    request.onblocked = () => resolve();
  });
}

const why = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * The SDK shuts its persistent cache down on every `pagehide`, so a page the browser restores from
 * its back/forward cache has a Firestore that no longer works: load it afresh instead (what the
 * user had not saved is in the SDK's queue or the app's own draft, as after closing the tab).
 */
function reloadAfterBackForwardCache(db: Firestore): void {
  if (typeof globalThis.addEventListener !== "function") return;
  addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    // The writes made on pagehide (the last save, leaving presence) took the primary lease again
    // after the cache shut down, and this page's unload no longer gives it up: the reloaded page
    // would wait for it to lapse (up to 8 s) before reaching the server. Terminating gives it up.
    const settle = new Promise((resolve) => setTimeout(resolve, 2000));
    void Promise.race([terminate(db).catch(() => undefined), settle]).then(() => location.reload());
  });
}

/** The app's Firestore, with the persistent multi-tab cache when `offline` and the browser allows it. */
export function openFirestore(app: FirebaseApp, offline: boolean): { db: Firestore; cache: FirestoreCache } {
  if (!offline) return { db: getFirestore(app), cache: cacheOf({ mode: "memory", reason: "not-requested" }) };
  let idb: IDBFactory;
  try {
    idb = requireStorage();
  } catch (error) {
    return {
      db: getFirestore(app),
      cache: cacheOf({ mode: "memory", reason: "no-indexeddb", detail: why(error) }),
    };
  }
  let db: Firestore;
  try {
    db = initializeFirestore(app, {
      localCache: persistentLocalCache({ tabManager: persistentMultipleTabManager() }),
    });
  } catch (error) {
    // Already initialised (getFirestore ran first): use that instance as it is.
    return {
      db: getFirestore(app),
      cache: cacheOf({ mode: "memory", reason: "already-started", detail: why(error) }),
    };
  }
  const cache = cacheOf({ mode: "persistent" });
  reloadAfterBackForwardCache(db);
  // The SDK opens IndexedDB on first use and, if that fails, carries on in memory: so will we.
  probe(idb).catch((error: unknown) =>
    cache.set({ mode: "memory", reason: "indexeddb-failed", detail: why(error) }),
  );
  return { db, cache };
}
