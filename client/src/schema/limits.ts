// Every size limit of TalkStudio's data, in one place. Rules, functions and the client all follow
// these numbers; firestore.rules repeats them (rules cannot import) and tests pin them together.

/** Firestore refuses documents over 1 MiB; stay well under it so metadata and growth fit. */
export const MAX_DOCUMENT_BYTES = 900 * 1024;

export const LIMITS = {
  titleChars: 100,
  authorNameChars: 50,
  authors: 10,
  messages: 500,
  messageTextChars: 1000,
  /**
   * 500 messages of 1000 Korean characters would be 1.5 MB: the sum of all message texts is capped
   * so the worst case (200k × 3 bytes + per-message keys + theme + authors) stays under
   * MAX_DOCUMENT_BYTES. tests/schema/limits.test.ts builds that worst case and measures it.
   */
  conversationTextChars: 200_000,
  unreadCount: 999,
  themeJsonBytes: 16 * 1024,
  /** Rules cannot measure bytes; they bound the theme's top-level key count instead. */
  themeKeys: 200,
  urlChars: 2048,
  /** Ids the SPA makes: "proj_<ms>_<rand7>", "author-<ms>", "divider-…". */
  idChars: 64,
  /** "YYYY-MM-DD 오전|오후 H:MM" and older "오후 12:30". */
  datetimeChars: 32,
  /** The list's preview line: the last message's text, cut here. */
  previewChars: 80,
  /**
   * Imports (migrateLocalStorage) bypass the per-minute create throttle but count against this
   * lifetime budget: the SPA's 5 MB LocalStorage holds fewer real projects than this (each carries a
   * ~2 KB theme copy).
   */
  importedConversationsPerUser: 2000,
  displayNameChars: 100,
} as const;

/** Rate limits (per minute): the callables enforce the first, firestore.rules the second. */
export const RATE_LIMITS = {
  kakaoSignInPerIpPerMinute: 10,
  conversationCreatesPerUserPerMinute: 30,
} as const;

/** Where the functions run: Seoul, next to the users. */
export const FUNCTIONS_REGION = "asia-northeast3";
