import { TalkStudioError } from "./talkstudio-error.js";
import type { TalkStudio } from "./firebase.js";

/** The signed-in user's uid; every per-user call acts for them, on their own documents only. */
export function requireUid(ts: TalkStudio): string {
  const uid = ts.auth.currentUser?.uid;
  if (!uid) throw new TalkStudioError("not-signed-in", "Sign in first.");
  return uid;
}
