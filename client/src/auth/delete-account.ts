import { deleteUser } from "firebase/auth";
import { typedErrors } from "../talkstudio-error.js";
import type { TalkStudio } from "../firebase.js";
import { requireUid } from "../require-uid.js";

/**
 * Deletes the signed-in user's account. The server then deletes everything they own (profile,
 * conversations, shares, files) in the background. Throws TalkStudioError of kind
 * `recent-login-required` when Firebase wants a fresh sign-in first.
 */
export function deleteAccount(ts: TalkStudio): Promise<void> {
  return typedErrors(async () => {
    requireUid(ts);
    await deleteUser(ts.auth.currentUser!);
  });
}
