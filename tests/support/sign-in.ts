import { GithubAuthProvider, GoogleAuthProvider, signInWithCredential, type User } from "firebase/auth";
import type { TalkStudio } from "../../client/src/index.js";

interface FakeIdpUser {
  sub: string;
  email?: string;
  name?: string;
  picture?: string;
}

// The Auth emulator accepts JSON claims in place of the provider's token (id token for Google,
// access token for GitHub), which is what the SPA's popup would have obtained.
export async function signInWithFakeGoogle(ts: TalkStudio, claims: FakeIdpUser): Promise<User> {
  const credential = GoogleAuthProvider.credential(JSON.stringify({ email_verified: true, ...claims }));
  return (await signInWithCredential(ts.auth, credential)).user;
}

export async function signInWithFakeGitHub(ts: TalkStudio, claims: FakeIdpUser): Promise<User> {
  const credential = GithubAuthProvider.credential(JSON.stringify(claims));
  return (await signInWithCredential(ts.auth, credential)).user;
}
