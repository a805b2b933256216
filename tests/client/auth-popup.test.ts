import { FirebaseError } from "firebase/app";
import * as firebaseAuth from "firebase/auth";
import { beforeEach, describe, expect, it, vi } from "vitest";
import {
  deleteAccount,
  NotSignedInError,
  RecentLoginRequiredError,
  signInWithGitHub,
  signInWithGoogle,
  type TalkStudio,
} from "../../client/src/index.js";

// Popups and redirects need a browser: these tests replace the SDK's calls and check our choices.
vi.mock("firebase/auth", async (importOriginal) => ({
  ...(await importOriginal<typeof firebaseAuth>()),
  signInWithPopup: vi.fn(),
  signInWithRedirect: vi.fn(),
  deleteUser: vi.fn(),
}));
const popup = vi.mocked(firebaseAuth.signInWithPopup);
const redirect = vi.mocked(firebaseAuth.signInWithRedirect);
const removeUser = vi.mocked(firebaseAuth.deleteUser);

const user = { uid: "u1" } as firebaseAuth.User;
const ts = (currentUser: firebaseAuth.User | null = user) =>
  ({ auth: { currentUser } }) as unknown as TalkStudio;

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

describe("deleteAccount", () => {
  it("turns auth/requires-recent-login into a typed error", async () => {
    removeUser.mockRejectedValue(new FirebaseError("auth/requires-recent-login", "stale"));
    await expect(deleteAccount(ts())).rejects.toBeInstanceOf(RecentLoginRequiredError);
  });

  it("refuses when nobody is signed in", async () => {
    await expect(deleteAccount(ts(null))).rejects.toBeInstanceOf(NotSignedInError);
    expect(removeUser).not.toHaveBeenCalled();
  });
});
