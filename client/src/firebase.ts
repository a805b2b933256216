import type { FirebaseApp } from "firebase/app";
import { initializeAppCheck, type AppCheck, type AppCheckOptions } from "firebase/app-check";
import { connectAuthEmulator, getAuth, type Auth } from "firebase/auth";
import { connectFirestoreEmulator, type Firestore } from "firebase/firestore";
import { DEFAULT_SHARE_BASE_URL } from "./schema/share-settings.js";
import { openFirestore, type FirestoreCache } from "./offline-cache.js";

/**
 * The Firebase services TalkStudio uses, bound to one app. Every client call takes this first.
 * Functions and Storage are not here: `functionsOf(ts)` and `storageOf(ts)` start them on first use,
 * so an app that never calls a function or uploads never starts them (and one that never uploads
 * does not bundle Storage).
 */
export interface TalkStudio {
  readonly app: FirebaseApp;
  readonly auth: Auth;
  readonly db: Firestore;
  /** Where Firestore's cache lives: `persistent` (IndexedDB) with `offline`, else `memory` and why. */
  readonly cache: FirestoreCache;
  /** Where share pages live (`{shareBaseUrl}/s/{code}`), as the functions' SHARE_BASE_URL. */
  readonly shareBaseUrl: string;
  /** The emulator hosts every service connects to, or undefined in production. */
  readonly emulators: ConnectedEmulators | undefined;
  /** App Check, started with the `appCheck` option, else undefined. */
  readonly appCheck: AppCheck | undefined;
}

/**
 * App Check for the app (docs/sharing.md, "App Check"): in production the reCAPTCHA Enterprise
 * provider, `new ReCaptchaEnterpriseProvider(siteKey)` from `firebase/app-check`. With `emulators`,
 * the debug provider is switched on: `debugToken` is the token registered in the console (or
 * `true` to have the SDK make one and print it).
 */
export interface AppCheckOption {
  provider: AppCheckOptions["provider"];
  debugToken?: string | true;
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
  /** Attest this app to Firestore and the functions (enforced in production). */
  appCheck?: AppCheckOption;
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

export type ConnectedEmulators = Readonly<Required<EmulatorHosts>>;

const withDefaults = (hosts: EmulatorHosts): ConnectedEmulators => ({
  host: hosts.host ?? "127.0.0.1",
  authPort: hosts.authPort ?? 9099,
  firestorePort: hosts.firestorePort ?? 8080,
  functionsPort: hosts.functionsPort ?? 5001,
  hostingPort: hosts.hostingPort ?? 5000,
  storagePort: hosts.storagePort ?? 9199,
});

/** Binds TalkStudio to an initialised Firebase app; pass `emulators` to use the local suite. */
export function createTalkStudio(app: FirebaseApp, options: TalkStudioOptions = {}): TalkStudio {
  const emulators = options.emulators && withDefaults(options.emulators);
  // Before Auth and Firestore start, so their first requests already carry a token.
  const appCheck = options.appCheck && startAppCheck(app, options.appCheck, emulators !== undefined);
  const auth = getAuth(app);
  const { db, cache } = openFirestore(app, options.offline === true);
  const shareBaseUrl =
    options.shareBaseUrl ??
    (emulators ? `http://${emulators.host}:${emulators.hostingPort}` : DEFAULT_SHARE_BASE_URL);
  if (emulators) {
    connectAuthEmulator(auth, `http://${emulators.host}:${emulators.authPort}`, { disableWarnings: true });
    connectFirestoreEmulator(db, emulators.host, emulators.firestorePort);
  }
  return { app, auth, db, cache, emulators, appCheck, shareBaseUrl: shareBaseUrl.replace(/\/+$/, "") };
}

/** The debug token must be set before App Check starts. */
function startAppCheck(app: FirebaseApp, option: AppCheckOption, onEmulators: boolean): AppCheck {
  if (onEmulators) {
    (globalThis as { FIREBASE_APPCHECK_DEBUG_TOKEN?: string | true }).FIREBASE_APPCHECK_DEBUG_TOKEN =
      option.debugToken ?? true;
  }
  return initializeAppCheck(app, { provider: option.provider, isTokenAutoRefreshEnabled: true });
}
