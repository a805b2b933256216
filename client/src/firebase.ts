import type { FirebaseApp } from "firebase/app";
import { connectAuthEmulator, getAuth, type Auth } from "firebase/auth";
import { connectFirestoreEmulator, type Firestore } from "firebase/firestore";
import { connectFunctionsEmulator, getFunctions, type Functions } from "firebase/functions";
import { connectStorageEmulator, getStorage, type FirebaseStorage } from "firebase/storage";
import { FUNCTIONS_REGION } from "./schema/index.js";
import { DEFAULT_SHARE_BASE_URL } from "./schema/share-settings.js";
import { openFirestore, type FirestoreCache } from "./offline-cache.js";

/** The Firebase services TalkStudio uses, bound to one app. Every client call takes this first. */
export interface TalkStudio {
  readonly app: FirebaseApp;
  readonly auth: Auth;
  readonly db: Firestore;
  readonly functions: Functions;
  readonly storage: FirebaseStorage;
  /** Where Firestore's cache lives: `persistent` (IndexedDB) with `offline`, else `memory` and why. */
  readonly cache: FirestoreCache;
  /** Where share pages live (`{shareBaseUrl}/s/{code}`), as the functions' SHARE_BASE_URL. */
  readonly shareBaseUrl: string;
}

export interface TalkStudioOptions {
  /** Use the local emulator suite. */
  emulators?: EmulatorHosts;
  /**
   * Keep Firestore's cache in IndexedDB, shared by every tab: queued saves survive closing the tab
   * and the list opens offline. Falls back to memory where IndexedDB fails (`cache` says why).
   */
  offline?: boolean;
  /** Default https://talkstudio.app, or the Hosting emulator with `emulators`. */
  shareBaseUrl?: string;
}

export interface EmulatorHosts {
  /** Host of every emulator; default 127.0.0.1. Ports are firebase.json's. */
  host?: string;
  authPort?: number;
  firestorePort?: number;
  functionsPort?: number;
  hostingPort?: number;
  storagePort?: number;
}

/** Binds TalkStudio to an initialised Firebase app; pass `emulators` to use the local suite. */
export function createTalkStudio(app: FirebaseApp, options: TalkStudioOptions = {}): TalkStudio {
  const auth = getAuth(app);
  const { db, cache } = openFirestore(app, options.offline === true);
  const functions = getFunctions(app, FUNCTIONS_REGION);
  const storage = getStorage(app);
  const emulators = options.emulators;
  const host = emulators?.host ?? "127.0.0.1";
  const shareBaseUrl =
    options.shareBaseUrl ??
    (emulators ? `http://${host}:${emulators.hostingPort ?? 5000}` : DEFAULT_SHARE_BASE_URL);
  if (emulators) {
    connectAuthEmulator(auth, `http://${host}:${emulators.authPort ?? 9099}`, { disableWarnings: true });
    connectFirestoreEmulator(db, host, emulators.firestorePort ?? 8080);
    connectFunctionsEmulator(functions, host, emulators.functionsPort ?? 5001);
    connectStorageEmulator(storage, host, emulators.storagePort ?? 9199);
  }
  return { app, auth, db, cache, functions, storage, shareBaseUrl: shareBaseUrl.replace(/\/+$/, "") };
}
