// Turns what the SPA kept in LocalStorage, in any of its historical shapes, into the current shape.
// It fixes known quirks only (aliases, legacy message fields, escaped text, missing defaults) and
// never shortens anything: whatever still does not fit is left for the schema to report.
import { cutText, LIMITS, type Author, type PlatformSkin } from "../schema/index.js";
import { spaDatetime } from "./datetime.js";
import { unescapeHtml } from "./html-entities.js";
import { isRecord, type Raw } from "./raw-json.js";

/**
 * The SPA cuts text at 1000 UTF-16 units, which can split an emoji and leave half a surrogate pair;
 * Firestore stores UTF-8, which has no such half. It becomes U+FFFD, as any UTF-8 encoder would.
 */
const wellFormed = (text: string): string =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
const textOf = (value: unknown): string =>
  typeof value === "string"
    ? wellFormed(unescapeHtml(value))
    : typeof value === "number"
      ? String(value)
      : "";
const idOf = (value: unknown, fallback: string): string =>
  typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : fallback;

// A Map: LocalStorage's text is the key, and "constructor" must find nothing.
const SKIN_ALIASES = new Map<string, PlatformSkin>([
  ["kakao", "kakao"],
  ["kakaotalk", "kakao"],
  ["discord", "discord"],
  ["telegram", "telegram"],
  ["insta", "insta"],
  ["instagram", "insta"],
]);
const SHORTS = "-shorts";

/** "kakaotalk", "Instagram", "kakao-shorts" → the skin; anything unknown stays as it was. */
export function normalisePlatformSkin(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return (
    SKIN_ALIASES.get(
      value
        .trim()
        .toLowerCase()
        .replace(/-shorts$/, ""),
    ) ?? value
  );
}

/** Theme ids take the same aliases, keeping a "-shorts" (1080×1920) variant. */
export function normaliseThemeId(value: string): string {
  const shorts = value.endsWith(SHORTS);
  const skin = normalisePlatformSkin(shorts ? value.slice(0, -SHORTS.length) : value);
  return typeof skin === "string" ? skin + (shorts ? SHORTS : "") : value;
}

const DEFAULT_STATUS_BAR = { time: "12:30", battery: 100, isWifi: true };

/** A number the SPA may have kept as a string, NaN (saved as null) or out of range. */
function clampedNumber(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** Discord's badge: the editor clamps to 0..999, but an emptied field was saved as null. */
export function normaliseUnreadCount(value: unknown): number {
  return Math.round(clampedNumber(value, 0, LIMITS.unreadCount, 0));
}

/** Only the three fields the SPA draws (a never-saved `createNewProject` also had `carrier`). */
export function normaliseStatusBar(raw: unknown): unknown {
  if (raw === undefined || raw === null) return DEFAULT_STATUS_BAR;
  if (!isRecord(raw)) return raw;
  return {
    // The editor's time box is free text; a longer one is cut, the rest of the project kept.
    time: typeof raw.time === "string" ? cutText(raw.time, LIMITS.datetimeChars) : DEFAULT_STATUS_BAR.time,
    battery: clampedNumber(raw.battery, 0, 100, DEFAULT_STATUS_BAR.battery),
    isWifi: typeof raw.isWifi === "boolean" ? raw.isWifi : DEFAULT_STATUS_BAR.isWifi,
  };
}

/**
 * The SPA accepts any https URL the browser's URL parser takes ("https://x.com/a b"); stored in its
 * parsed form (spaces escaped) so the image still loads. Anything else draws no avatar in the SPA.
 */
function avatarUrlOf(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") return "";
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" && url.href.length <= LIMITS.urlChars ? url.href : "";
  } catch {
    return "";
  }
}

export function normaliseAuthor(raw: unknown, index: number): unknown {
  if (!isRecord(raw)) return raw;
  return {
    id: idOf(raw.id, `author-${index}`),
    name: textOf(raw.name),
    avatarUrl: avatarUrlOf(raw.avatarUrl ?? raw.avatar),
  };
}

interface MessageContext {
  /** The project's day, to complete a time without a date ("오후 12:30") into the SPA's form. */
  readonly day: Date;
  /** The project's authors; an Excel import's unknown speaker is added here. */
  readonly authors: Author[];
}

function speaker(authors: Author[], name: string): Author {
  const known = authors.find((a) => a.name === name);
  if (known) return known;
  const added = { id: `speaker-${authors.length + 1}`, name, avatarUrl: "" };
  authors.push(added);
  return added;
}

const ROLES = new Set(["me", "other", "system"]);

/** Who wrote a message: its own role/authorId, else the AI results' `sender`, else an Excel speaker. */
function authorship(raw: Raw, authors: Author[]): { role: string; authorId: string } {
  const sender = typeof raw.sender === "string" ? raw.sender : undefined;
  const given = typeof raw.role === "string" ? raw.role : sender;
  // The SPA draws any other role with the "other" bubble.
  let role = given === undefined ? undefined : ROLES.has(given) ? given : "other";
  let authorId = typeof raw.authorId === "string" ? raw.authorId : undefined;
  if (authorId === undefined && typeof raw.speakerName === "string" && raw.speakerName !== "") {
    const author = speaker(authors, textOf(raw.speakerName));
    authorId = author.id;
    role ??= raw.messageType === "system" ? "system" : author.id === "me" ? "me" : "other";
  }
  role ??= "other";
  authorId ??=
    role === "system"
      ? ""
      : ((authors.find((a) => a.id === sender) ?? authors.find((a) => (role === "me") === (a.id === "me")))
          ?.id ?? role);
  return { role, authorId };
}

/**
 * Current messages pass through (text unescaped, time in the SPA's form); legacy ones
 * `{ sender, type, text, time }` (the AI generator's) and Excel rows `{ messageType, speakerName }`
 * get a role and an authorId. Extra fields the SPA never draws are dropped.
 */
export function normaliseMessage(raw: unknown, index: number, context: MessageContext): unknown {
  if (!isRecord(raw)) return raw;
  const id = idOf(raw.id, `message-${index + 1}`);
  // Who last edited it (co-editing) is kept: a shared conversation's round trip through the SPA keeps it.
  const edited = typeof raw.editedBy === "string" ? { editedBy: raw.editedBy } : {};
  if (raw.type === "dateDivider") return { id, type: "dateDivider", text: textOf(raw.text), ...edited };
  // The SPA's preview shows `datetime` when it has one, else the legacy `time`.
  const time = typeof raw.datetime === "string" && raw.datetime !== "" ? raw.datetime : raw.time;
  const image = typeof raw.imageUrl === "string" && raw.imageUrl !== "" ? { imageUrl: raw.imageUrl } : {};
  return {
    id,
    ...authorship(raw, context.authors),
    text: textOf(raw.text),
    datetime: spaDatetime(time, context.day),
    ...image,
    ...edited,
  };
}

/** A LocalStorage time (ISO string or epoch ms) as a Date, or undefined when there is none. */
export function parseStoredTime(value: unknown): Date | undefined {
  const ms = typeof value === "number" ? value : typeof value === "string" ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}
