import { onAuthStateChanged, signOut as firebaseSignOut, type Unsubscribe, type User } from "firebase/auth";
import type { TalkStudio } from "../firebase.js";

export function signOut(ts: TalkStudio): Promise<void> {
  return firebaseSignOut(ts.auth);
}

/** Calls `listener` with the current user (null when signed out) now and on every change. */
export function onUserChanged(ts: TalkStudio, listener: (user: User | null) => void): Unsubscribe {
  return onAuthStateChanged(ts.auth, listener);
}
