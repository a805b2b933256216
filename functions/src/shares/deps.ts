// What the share functions need from outside, and where production gets it.
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import { nanoid } from "nanoid";
import { shareBaseUrl } from "../config.js";
import { SHARE_LIMITS } from "../schema.js";

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

/** The dependencies every entry point that runs share functions passes them. */
export const productionShareDeps = (): ShareDeps => ({
  db: getFirestore(),
  now: () => new Date(),
  baseUrl: shareBaseUrl.value().replace(/\/+$/, ""),
  newCode: () => nanoid(SHARE_LIMITS.codeChars),
});
