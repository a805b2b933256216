import type { Firestore } from "firebase-admin/firestore";

/** What the share functions need from outside; tests pass their own clock and codes. */
export interface ShareDeps {
  db: Firestore;
  now: () => Date;
  /** Where share pages live, e.g. `https://talkstudio.app` (no trailing slash). */
  baseUrl: string;
  /** A fresh share code (nanoid); tests may force collisions. */
  newCode: () => string;
}

/** The caller of a share call: who (if signed in) and the rate-limit key of their address. */
export interface ShareCaller {
  uid: string | null;
  clientKey: string;
}
