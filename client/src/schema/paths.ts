// Every Firestore document and collection, and every Storage prefix, TalkStudio uses: the client,
// the functions, account deletion, the seed, the tests and the benchmarks all build paths here.
// Paths are slash-joined strings, which both the JS SDK (`doc(db, path)`) and the admin SDK
// (`db.doc(path)`) take. firestore.rules and storage.rules spell the same layout out by hand.

/** The throttle documents under `users/{uid}/throttles/`; firestore.rules has a block for each. */
export const THROTTLES = ["conversationCreates", "conversationImports"] as const;
export type ThrottleName = (typeof THROTTLES)[number];

/** The one content document of a conversation (a sub-collection, so listing never downloads it). */
const CONTENT_DOCUMENT = "current";

export const firestorePaths = {
  /** `users/{uid}`: the profile; every sub-collection under it belongs to `uid`. */
  users: "users",
  user: (uid: string) => `users/${uid}`,
  conversations: (uid: string) => `users/${uid}/conversations`,
  conversation: (uid: string, id: string) => `users/${uid}/conversations/${id}`,
  content: (uid: string, id: string) => `users/${uid}/conversations/${id}/content/${CONTENT_DOCUMENT}`,
  throttle: (uid: string, name: ThrottleName) => `users/${uid}/throttles/${name}`,
  /**
   * Who has a conversation open (docs/collaboration.md): one document per member, `presence/{uid}`,
   * rewritten by its heartbeat and deleted on leaving; `expiresAt` is its TTL field.
   */
  presence: (ownerUid: string, id: string) => `users/${ownerUid}/conversations/${id}/presence`,
  presenceOf: (ownerUid: string, id: string, uid: string) =>
    `users/${ownerUid}/conversations/${id}/presence/${uid}`,
  /**
   * Version history: `versions/{versionId}` is the small row the history lists, its copy of the
   * conversation the one document under it (`snapshot/current`), so listing never downloads bodies.
   * Functions write both; members read them (docs/collaboration.md).
   */
  versions: (ownerUid: string, id: string) => `users/${ownerUid}/conversations/${id}/versions`,
  version: (ownerUid: string, id: string, versionId: string) =>
    `users/${ownerUid}/conversations/${id}/versions/${versionId}`,
  versionSnapshot: (ownerUid: string, id: string, versionId: string) =>
    `users/${ownerUid}/conversations/${id}/versions/${versionId}/snapshot/${CONTENT_DOCUMENT}`,
  /**
   * `users/{uid}/shares/{code}`: the owner's record of a share (settings, view count, which
   * conversation). Functions write it; the owner reads it; listShares queries it. It lives here, not
   * on `shares/{code}`, because anyone with the link may read that one (docs/sharing.md).
   */
  ownShares: (uid: string) => `users/${uid}/shares`,
  ownShare: (uid: string, code: string) => `users/${uid}/shares/${code}`,
  /** `shares/{code}`: the public part of a share link (functions write it, rules gate reads). */
  shares: "shares",
  share: (code: string) => `shares/${code}`,
  /**
   * The functions-only part of a share: password hash and the protected copy. A sub-collection of
   * the share, so deleting the share recursively takes it along.
   */
  shareSecret: (code: string) => `shares/${code}/private/secret`,
  /** Who owns a share and of which conversation (functions-only): kept beside, never in, the public part. */
  shareOwner: (code: string) => `shares/${code}/private/owner`,
  /** Per-share view counter shards (functions-only), summed into `viewCount` by the view flusher. */
  shareViewShards: (code: string) => `shares/${code}/viewShards`,
  /**
   * `closedAccounts/{uid}`: written by functions when an account is deleted or disabled, read by the
   * rules and the share functions to refuse writes of sessions that outlived the account.
   */
  closedAccount: (uid: string) => `closedAccounts/${uid}`,
  /**
   * `invites/{code}`: an invite link to a conversation (functions-only: docs/collaboration.md).
   * Members themselves live on the conversation's own two documents (`members`).
   */
  invites: "invites",
  invite: (code: string) => `invites/${code}`,
  /** Rate-limit counters (functions-only). */
  rateLimits: "rateLimits",
  rateLimit: (id: string) => `rateLimits/${id}`,
} as const;

/** Storage prefixes; each ends with `/`. storage.rules matches the same layout. */
export const storagePaths = {
  /** Avatars anyone may read (they appear on public share pages): `avatars/{uid}/{file}`. */
  avatars: (uid: string) => `avatars/${uid}/`,
  /** Exported images, owner-only, swept after a day: `exports/{uid}/{yyyy-mm-dd}/{conversationId}/{file}`. */
  exports: (uid: string) => `exports/${uid}/`,
  /** Every prefix holding a user's files: account deletion removes them all. */
  ownedBy: (uid: string) => [storagePaths.avatars(uid), storagePaths.exports(uid)],
} as const;
