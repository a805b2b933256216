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
  unreadCount: 999,
  themeJsonBytes: 16 * 1024,
  urlChars: 2048,
  displayNameChars: 100,
} as const;

/** Callable rate limits (per minute). */
export const RATE_LIMITS = {
  kakaoSignInPerIpPerMinute: 10,
  conversationCreatesPerUserPerMinute: 30,
} as const;

/** Where the functions run: Seoul, next to the users. */
export const FUNCTIONS_REGION = "asia-northeast3";
