import type { MessageTable } from "./table.js";

export const en: MessageTable = {
  kinds: {
    "not-signed-in": "Please sign in again.",
    "recent-login-required": "For your security, sign in once more and try again.",
    "permission-denied": "You are not allowed to do this.",
    invalid: "Something in it is not valid or is over the size allowed.",
    "not-found": "It could not be found; it may have been deleted.",
    conflict: "Another tab or device saved first. Choose which version to keep.",
    "failed-precondition": "This cannot be done right now.",
    "rate-limited": "Too many requests. Please try again shortly.",
    unavailable: "Cannot reach the server. Check your connection and try again.",
    cancelled: "Sign-in was cancelled.",
    unknown: "Something went wrong. Please try again shortly.",
  },
  reasons: {
    "invalid-input": "The request is not valid.",
    "not-signed-in": "Please sign in again.",
    "app-check-failed": "We could not confirm this is our app. Reload the page and try again.",
    "account-closed": "This account was closed. Sign in again with an account that is still open.",
    "too-many-shares": "This conversation already has 5 live links. Revoke one to make another.",
    "not-an-editor": "Only the owner and editors of this conversation can do this.",
    "version-not-found": "This version could not be found; it may have expired.",
    "version-named-by-another": "Someone else named this version; only they can rename it.",
    "too-many-named-versions":
      "You have named as many versions of this conversation as allowed. Older names expire after 30 days.",
    "rate-limited": "Too many requests. Please try again shortly.",
    busy: "The server is busy. Please try again shortly.",
    "kakao-token-invalid": "Your Kakao sign-in has expired. Please sign in again.",
    "kakao-wrong-app": "This Kakao sign-in was made for another app.",
    "kakao-unavailable": "Cannot reach Kakao. Please try again shortly.",
    "conversation-not-found": "The conversation could not be found; it may have been deleted.",
    "conversation-invalid": "This conversation is stored in a form that cannot be shared.",
    "share-not-found": "This share link does not exist.",
    "share-expired": "This share link has expired.",
    "share-revoked": "The owner has turned this share link off.",
    "password-required": "This share needs a password.",
    "wrong-password": "That password is not right.",
    "password-too-common":
      "That password is one of the most common ones and easy to guess (like 12345678, qwer1234 or 1q2w3e4r). Choose another.",
    "download-not-allowed": "This share does not allow downloads or copies.",
    "invite-not-found": "This invite link does not exist. Check that it was copied whole.",
    "invite-expired": "This invite link has expired. Ask the owner for a new one.",
    "invite-revoked": "The owner has turned this invite link off. Ask them for a new one.",
    "invite-used-up":
      "This invite link has been used as many times as it allows. Ask the owner for a new one.",
    "too-many-invites": "This conversation already has 10 live invite links. Revoke one to make another.",
    "too-many-members": "This conversation already has 20 members, the most it can have.",
    "owner-cannot-leave": "The owner cannot leave their own conversation. Delete it instead.",
    "conversation-exists": "A conversation with this id exists already.",
    "wrong-file-type": "This type of file cannot be uploaded.",
    "file-too-large": "The file is too large.",
    "project-too-large": "The project is over a size limit. Shorten it.",
    "project-invalid": "Something in this project cannot be saved. The last state that fitted is saved.",
    "empty-file": "The file is empty.",
    "auth/popup-closed-by-user": "The sign-in window was closed.",
    "auth/cancelled-popup-request": "A sign-in window is open already.",
    "auth/user-cancelled": "Sign-in was cancelled.",
    "auth/popup-blocked": "The browser blocked the sign-in window. Allow pop-ups and try again.",
    "auth/operation-not-supported-in-this-environment":
      "Signing in does not work in this browser. Open the page in another browser.",
    "auth/web-storage-unsupported":
      "Signing in needs browser storage. Leave private mode or use another browser.",
    "auth/unauthorized-domain": "Signing in is not allowed from this address.",
    "auth/operation-not-allowed": "This way of signing in is not available yet.",
    "auth/account-exists-with-different-credential":
      "This email is registered with another sign-in method. Sign in the way you first did.",
    "auth/credential-already-in-use": "This account is already linked to another TalkStudio account.",
    "auth/email-already-in-use": "This email is already in use.",
    "auth/network-request-failed": "The connection dropped while signing in. Please try again.",
    "auth/timeout": "Signing in took too long. Please try again.",
    "auth/too-many-requests": "Too many sign-in attempts. Please try again shortly.",
    "auth/user-disabled": "This account has been disabled.",
    "auth/invalid-credential": "The sign-in is not valid or has expired. Please sign in again.",
    "auth/invalid-custom-token": "The sign-in is not valid. Please sign in again.",
    "auth/user-token-expired": "Your sign-in has expired. Please sign in again.",
    "auth/requires-recent-login": "For your security, sign in once more and try again.",
    "auth/internal-error": "Something went wrong while signing in. Please try again.",
  },
  tooLarge: (path, limit, size) => {
    const n = limit.toLocaleString("en-US");
    // "12,000 characters; at most 10,000": the size first when it is known.
    const over = (unit: string) => (size === undefined ? "" : `${size.toLocaleString("en-US")}${unit}; `);
    const message = /^conversation\.messages\.(\d+)\.text$/.exec(path);
    if (message)
      return `Message ${Number(message[1]) + 1} is too long (${over(" characters")}at most ${n} characters). Shorten it or split it into several messages. The last state that fitted is saved.`;
    if (path === "conversation.messages")
      return `There are too many messages (${over("")}at most ${n}). Delete some or split the project in two.`;
    if (path === "theme")
      return `The theme is too large (${over(" bytes")}at most ${n} bytes). Use a smaller background image.`;
    if (path === "")
      return `The project is too large (${over(" bytes")}at most ${n} bytes). Shorten long texts or split it into two projects.`;
    return `'${path}' is over its limit (${over("")}at most ${n}). Shorten it.`;
  },
  retryAfter: (seconds) => `Try again in ${seconds} s.`,
};
