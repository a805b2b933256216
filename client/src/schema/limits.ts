// Every size limit of TalkStudio's data, in one place. Rules, functions and the client all follow
// these numbers; firestore.rules repeats them (rules cannot import) and tests pin them together.
// A bundler keeps an object whole, and keeps one with a computed value even unused: so values are
// written as numbers, and what the client's everyday path reads (save debounce, create throttle,
// version names) is a constant of its own, which an object lists by reference where it has it.

/**
 * Firestore refuses documents over 1 MiB (1,048,576 bytes, counted as `firestoreBytes` does). A
 * conversation's data may take 1,000,000 of them: the rest is room for the document's name, its
 * revision and times, and a share's extra fields around the same copy.
 */
export const MAX_DOCUMENT_BYTES = 1_000_000;

export const LIMITS = {
  titleChars: 100,
  authorNameChars: 50,
  authors: 10,
  /**
   * A sanity bound, not the real limit: the document's size is. 10,000 messages as the SPA's editor
   * makes them take ~800 kB (tests/schema/limits.test.ts stores them); an Excel import has no row
   * cap in the SPA, so a long chat is refused only when its bytes truly do not fit.
   */
  messages: 10_000,
  messageTextChars: 1000,
  unreadCount: 999,
  /**
   * A preset copy is ~2 KB, but the background image box is free text and people paste an image
   * copied as a data: URL: room for one of ~190 KB. The document's byte limit still applies.
   */
  themeJsonBytes: 262_144, // 256 KiB
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
  /** Firebase Auth's own bound on a uid. */
  uidChars: 128,
  /**
   * Saves remembered on a content document (`writes`, slot = revision % writeSlots), beside each
   * tab's last one (`lastWriteBy`): how a save whose answer was lost tells that it landed.
   */
  writeSlots: 8,
  /** A save's random id, and a tab's id (its key in `lastWriteBy.{uid}`), at most this long. */
  writeIdChars: 20,
  /**
   * Tabs remembered per saver in `lastWriteBy.{uid}` (tab id -> its last save id). A new tab that
   * finds its saver's map full starts it over with its own entry alone.
   */
  tabsPerSaver: 8,
} as const;

/**
 * The id of a document the product names (a conversation: Firestore's auto-ids, imports'
 * "ls-p-<hash>"): URL-safe characters, so never a path ("a/b"), a dot segment or Firestore's
 * reserved "__name__" form. firestore.rules' validDocumentId is the same test.
 */
export const DOCUMENT_ID_PATTERN = new RegExp(`^(?!__.*__$)[A-Za-z0-9_-]{1,${LIMITS.idChars}}$`);

/** Uploads to Storage (docs/storage.md); storage.rules repeats them and a test pins them together. */
export const STORAGE_LIMITS = {
  avatarBytes: 2_097_152, // 2 MiB
  exportBytes: 20_971_520, // 20 MiB
  /** Exported images are kept this long, then swept (and a lifecycle rule deletes them in production). */
  exportMaxAgeHours: 24,
  /**
   * Files one user may hold (functions/src/storage/upload-check.ts deletes an upload past them):
   * rules cannot count. 100 exports within the 24 h they live; 20 avatars, each a random name.
   */
  avatarsPerUser: 20,
  exportsPerUser: 100,
} as const;

/** Content types (and the file extension each is stored under) Storage accepts. */
export const AVATAR_TYPES = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
} as const;
export const EXPORT_TYPES = { "image/png": "png", "image/webp": "webp" } as const;

/** Share links (docs/sharing.md). */
/** nanoid characters in a share code: 22 × 6 bits = 132 bits. */
const SHARE_CODE_CHARS = 22;
/** A whole share code: SHARE_LIMITS.codeChars of nanoid's URL-safe alphabet. */
export const SHARE_CODE_PATTERN = new RegExp(`^[A-Za-z0-9_-]{${SHARE_CODE_CHARS}}$`);

export const SHARE_LIMITS = {
  codeChars: SHARE_CODE_CHARS,
  /**
   * A new password's minimum: even eight digits (10^8) survive the longest expiry's guesses with
   * ≤ 0.11% probability (docs/sharing.md has the arithmetic).
   */
  passwordMinChars: 8,
  /** What an attempt may be: passwords set before the minimum was 8 had 4 and still open. */
  passwordAttemptMinChars: 4,
  passwordMaxChars: 128,
  minExpiryHours: 1,
  maxExpiryHours: 2160, // 90 days
  defaultExpiryHours: 168, // 7 days
  /**
   * Live (not revoked, not expired) shares of one conversation. Every save rewrites each live
   * share's copy, so this bounds the work one save causes: at most 5 copies of at most 1 MB.
   */
  liveSharesPerConversation: 5,
  /**
   * Messages on one page of `/s/{code}` (later pages are `?page=N`): a 10,000-message share was one
   * 7.1 MB page. 200 ordinary messages are ~70 kB of HTML; 200 of 1000 Hangul characters ~0.65 MB.
   */
  pageMessages: 200,
} as const;

/** Editors and viewers of one conversation, the owner not counted. */
const MEMBERS_PER_CONVERSATION = 20;
const VERSIONS_PER_AUTHOR = 30;
const NAMED_VERSIONS_PER_PERSON = 10;
/** A version's name, at most this long. */
export const VERSION_NAME_CHARS = 100;

/**
 * The sync engine's quiet time before a save when nobody else is in the conversation (`solo`), and
 * when someone is (a member, or the owner for a member): edits reach the others within a second.
 */
export const SAVE_DEBOUNCE_MS = { solo: 1000, shared: 300 } as const;

/**
 * Editing together (docs/collaboration.md): members, invite links, presence and version history.
 * Every fan-out is bounded here: a conversation's member map lives on two documents every member
 * reads, each invite is a document the owner's listInvites reads, and each version a document.
 */
export const COLLABORATION_LIMITS = {
  membersPerConversation: MEMBERS_PER_CONVERSATION,
  /** Live (not revoked, not expired) invites of one conversation, used-up ones included. */
  liveInvitesPerConversation: 10,
  /** nanoid characters in an invite code: 22 × 6 bits = 132 bits, as a share code. */
  inviteCodeChars: SHARE_CODE_CHARS,
  inviteMinExpiryHours: 1,
  inviteDefaultExpiryHours: 168, // 7 days
  inviteMaxExpiryHours: 720, // 30 days
  /** One invite can seat at most the whole member list; also the default. */
  inviteMaxUses: MEMBERS_PER_CONVERSATION,
  /** A member's presence document is rewritten this often while the conversation is open. */
  presenceHeartbeatSeconds: 20,
  /**
   * The rules refuse a heartbeat sooner than this after the member's last presence write: one
   * member's writes (each fanned out to every listener) stay near the heartbeat's rate.
   */
  presenceMinBeatSeconds: 5,
  /**
   * Readers hide an entry whose last heartbeat is older than this (TTL deletion can lag a day), so a
   * closed tab or a crashed browser leaves the list within this time.
   */
  presenceStaleSeconds: 45,
  /**
   * Marks of synced copies kept per project beside the SPA's LocalStorage copy (rememberSynced):
   * its own autosave runs every 2 s, so its copy may be a save or two behind the newest mark.
   */
  syncedMarksPerProject: 8,
  /** While a conversation keeps changing, at most one automatic snapshot per this many minutes. */
  autoVersionEveryMinutes: 5,
  /** Every version (automatic or named) is deleted this long after it was taken (TTL `expiresAt`). */
  versionKeepDays: 30,
  /**
   * Unnamed versions kept per author (whoever saved the state a version holds), at most one per
   * author per autoVersionEveryMinutes window: a person's own activity pushes out only their own
   * oldest (docs/collaboration.md, "Version history").
   */
  versionsPerAuthor: VERSIONS_PER_AUTHOR,
  /** Named versions per person (owner or member); a name is never pushed out, only expires. */
  namedVersionsPerPerson: NAMED_VERSIONS_PER_PERSON,
  /**
   * The most one conversation can hold: everyone's quotas, (members + owner) × (versionsPerAuthor +
   * namedVersionsPerPerson); listVersions reads one such page. tests/schema/limits.test.ts pins it.
   */
  versionsPerConversation: 840,
  versionNameChars: VERSION_NAME_CHARS,
} as const;

/** The rules' create throttle (users/{uid}/throttles/conversationCreates): creates a minute. */
export const CONVERSATION_CREATES_PER_MINUTE = 30;

/**
 * Rate limits. firestore.rules enforces conversationCreatesPerUserPerMinute; the functions enforce
 * the rest with slot documents (functions/src/rate-limit/).
 */
export const RATE_LIMITS = {
  kakaoSignInPerIpPerMinute: 10,
  conversationCreatesPerUserPerMinute: CONVERSATION_CREATES_PER_MINUTE,
  shareCreatesPerUserPerMinute: 30,
  shareReadsPerIpPerMinute: 100,
  shareCallsPerUserPerHour: 1000,
  wrongPasswordsPerShareAndIpPer15Minutes: 5,
  wrongPasswordsPerSharePerHour: 50,
  /** A migration is one or two importConversations requests; this leaves room for retries only. */
  importRequestsPerUserPerHour: 20,
  /** A cached page lives 2 × 60 s (CDN, then browser): its beacon counts once per address in that. */
  beaconViewsPerShareAndIpPer2Minutes: 1,
  inviteCreatesPerUserPerMinute: 30,
  /** Every member and invite call of one user (accepting included). */
  memberCallsPerUserPerHour: 1000,
  /** Invite codes that do not exist, guessed by one user / from one address (a 132-bit code cannot be guessed: this bounds the trying). */
  wrongInvitesPerUserPer15Minutes: 10,
  wrongInvitesPerIpPer15Minutes: 20,
  /**
   * History calls. saveVersion writes at most one copy (≤ 1 MB); restoreVersion at most three
   * documents of ≤ 1 MB (the content, the copy of what it replaces, the summary) and then refreshes
   * the live shares (≤ liveSharesPerConversation copies): docs/collaboration.md has the bounds.
   */
  versionSavesPerUserPerMinute: 30,
  versionSavesPerConversationPerMinute: 60,
  restoresPerUserPerMinute: 5,
  restoresPerConversationPerMinute: 10,
} as const;
