// The smallest SPA that signs in the way TalkStudio's will: bundled for the browser by the e2e test,
// which reads what happened from the <output> elements.
import { initializeApp } from "firebase/app";
import type { User } from "firebase/auth";
import {
  completeRedirectSignIn,
  createTalkStudio,
  TalkStudioError,
  onUserChanged,
  signInWithGitHub,
  signInWithGoogle,
} from "../../../client/src/index.js";

const projectId = document.documentElement.dataset.project ?? "";
const app = initializeApp({ projectId, apiKey: "demo-api-key", authDomain: `${projectId}.firebaseapp.com` });
const ts = createTalkStudio(app, { emulators: {} });

function element<K extends keyof HTMLElementTagNameMap>(tag: K, id: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  created.id = id;
  document.body.append(created);
  return created;
}

const googleButton = element("button", "google");
googleButton.textContent = "Sign in with Google";
const currentUser = element("output", "user");
const signInResult = element("output", "sign-in");
const redirectResult = element("output", "redirect");

const describeUser = (user: User | null) =>
  user === null
    ? "none"
    : JSON.stringify({
        uid: user.uid,
        email: user.email,
        displayName: user.displayName,
        providers: user.providerData.map((info) => info.providerId),
      });
const describeError = (error: unknown) =>
  `error: ${error instanceof TalkStudioError ? error.kind : String(error)}`;

onUserChanged(ts, (user) => (currentUser.textContent = describeUser(user)));

googleButton.addEventListener("click", () => {
  signInWithGoogle(ts).then(
    (result) => (signInResult.textContent = result.status),
    (error: unknown) => (signInResult.textContent = describeError(error)),
  );
});

// On every load, as the SPA does. `?signIn=github` then starts a sign-in nobody clicked for, so
// Chromium blocks its popup; the page does not start it again when it comes back from the redirect.
async function start(): Promise<void> {
  const returned = await completeRedirectSignIn(ts);
  redirectResult.textContent = describeUser(returned);
  if (returned === null && new URLSearchParams(location.search).get("signIn") === "github") {
    signInResult.textContent = (await signInWithGitHub(ts)).status;
  }
}
start().catch((error: unknown) => (signInResult.textContent = describeError(error)));
