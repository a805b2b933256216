import { firebaseCode, RecentLoginRequiredError } from "./errors.js";

/**
 * What `deleteAccount()` throws for a failed `deleteUser`: Firebase's `auth/requires-recent-login`
 * becomes RecentLoginRequiredError, anything else passes unchanged. Apart so it can be tested: the
 * Auth emulator never asks for a recent sign-in.
 */
export function deletionError(error: unknown): unknown {
  return firebaseCode(error) === "auth/requires-recent-login"
    ? new RecentLoginRequiredError({ cause: error })
    : error;
}
