import { FirebaseError } from "firebase/app";
import * as firebaseAuth from "firebase/auth";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signInWithGitHub, signInWithGoogle, type TalkStudio } from "../../client/src/index.js";

// Popups and redirects need a browser: these tests replace the SDK's calls and check our choices.
vi.mock("firebase/auth", async (importOriginal) => ({
  ...(await importOriginal<typeof firebaseAuth>()),
  signInWithPopup: vi.fn(),
  signInWithRedirect: vi.fn(),
}));
const popup = vi.mocked(firebaseAuth.signInWithPopup);
const redirect = vi.mocked(firebaseAuth.signInWithRedirect);

const user = { uid: "u1" } as firebaseAuth.User;
const ts = () => ({ auth: { currentUser: user } }) as unknown as TalkStudio;

beforeEach(() => vi.resetAllMocks());

describe("Google and GitHub sign-in", () => {
  it("uses a popup when it can", async () => {
    popup.mockResolvedValue({ user } as firebaseAuth.UserCredential);
    expect(await signInWithGoogle(ts())).toEqual({ status: "signed-in", user });
    expect(popup.mock.calls[0]?.[1]).toBeInstanceOf(firebaseAuth.GoogleAuthProvider);
    expect(redirect).not.toHaveBeenCalled();
  });

  it("falls back to a redirect when the popup is blocked", async () => {
    popup.mockRejectedValue(new FirebaseError("auth/popup-blocked", "blocked"));
    expect(await signInWithGitHub(ts())).toEqual({ status: "redirecting" });
    expect(redirect.mock.calls[0]?.[1]).toBeInstanceOf(firebaseAuth.GithubAuthProvider);
  });

  it("passes on other failures, such as the user closing the popup", async () => {
    popup.mockRejectedValue(new FirebaseError("auth/popup-closed-by-user", "closed"));
    await expect(signInWithGoogle(ts())).rejects.toMatchObject({ code: "auth/popup-closed-by-user" });
    expect(redirect).not.toHaveBeenCalled();
  });
});
