/** `deleteAccount()` needs a fresh sign-in: sign the user in again (same provider), then retry. */
export class RecentLoginRequiredError extends Error {
  constructor(options?: { cause?: unknown }) {
    super("Deleting the account needs a recent sign-in: sign in again, then retry.", options);
    this.name = "RecentLoginRequiredError";
  }
}

/** The call needs a signed-in user and there is none. */
export class NotSignedInError extends Error {
  constructor() {
    super("No user is signed in.");
    this.name = "NotSignedInError";
  }
}

/** The Firebase error code of an SDK failure (`auth/popup-blocked`, …), if it has one. */
export const firebaseCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
};
