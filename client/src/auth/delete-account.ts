import { deleteUser } from "firebase/auth";
import type { TalkStudio } from "../firebase.js";
import { deletionError } from "./deletion-error.js";
import { NotSignedInError } from "./errors.js";

/**
 * Deletes the signed-in user's account. The server then deletes everything they own (profile,
 * conversations, shares, files) in the background. Throws RecentLoginRequiredError when Firebase
 * wants a fresh sign-in first.
 */
export async function deleteAccount(ts: TalkStudio): Promise<void> {
  const user = ts.auth.currentUser;
  if (user === null) throw new NotSignedInError();
  try {
    await deleteUser(user);
  } catch (error) {
    throw deletionError(error);
  }
}
