import {
  getRedirectResult,
  GithubAuthProvider,
  GoogleAuthProvider,
  signInWithPopup,
  signInWithRedirect,
  type AuthProvider,
  type User,
} from "firebase/auth";
import type { TalkStudio } from "../firebase.js";
import { errorCode } from "../schema/error-code.js";
import { typedErrors } from "../talkstudio-error.js";

/** A popup sign-in finished, or the page is leaving for the provider (redirect fallback). */
export type SignInResult = { status: "signed-in"; user: User } | { status: "redirecting" };

// Popups fail in some places (blockers, in-app browsers such as KakaoTalk's): redirect there instead.
const POPUP_UNAVAILABLE = new Set<unknown>([
  "auth/popup-blocked",
  "auth/operation-not-supported-in-this-environment",
]);

function signInWithProvider(ts: TalkStudio, provider: AuthProvider): Promise<SignInResult> {
  return typedErrors(async () => {
    try {
      const { user } = await signInWithPopup(ts.auth, provider);
      return { status: "signed-in", user };
    } catch (error) {
      if (!POPUP_UNAVAILABLE.has(errorCode(error))) throw error;
      await signInWithRedirect(ts.auth, provider);
      return { status: "redirecting" };
    }
  });
}

export function signInWithGoogle(ts: TalkStudio): Promise<SignInResult> {
  const provider = new GoogleAuthProvider();
  provider.setCustomParameters({ prompt: "select_account" });
  return signInWithProvider(ts, provider);
}

export function signInWithGitHub(ts: TalkStudio): Promise<SignInResult> {
  return signInWithProvider(ts, new GithubAuthProvider());
}

/**
 * Call once when the SPA loads: finishes a redirect sign-in started by the fallback above and
 * returns its user (null when the page did not come back from one). Its failure (such as
 * `auth/account-exists-with-different-credential`) is a TalkStudioError whose cause is Firebase's.
 */
export function completeRedirectSignIn(ts: TalkStudio): Promise<User | null> {
  return typedErrors(async () => (await getRedirectResult(ts.auth))?.user ?? null);
}
