// Turns what the SPA kept in LocalStorage, in any of its historical shapes, into the current shape.
// It fixes known quirks only (aliases, legacy message fields, escaped text, missing defaults) and
// never shortens anything: whatever still does not fit is left for the schema to report.
import type { Author, PlatformSkin } from "../schema/index.js";
import { unescapeHtml } from "./html-entities.js";

type Raw = Record<string, unknown>;
const isRecord = (value: unknown): value is Raw =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const textOf = (value: unknown): string =>
  typeof value === "string" ? unescapeHtml(value) : typeof value === "number" ? String(value) : "";
const idOf = (value: unknown, fallback: string): string =>
  typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : fallback;

const SKIN_ALIASES: Record<string, PlatformSkin> = {
  kakao: "kakao",
  kakaotalk: "kakao",
  discord: "discord",
  telegram: "telegram",
  insta: "insta",
  instagram: "insta",
};
const SHORTS = "-shorts";

/** "kakaotalk", "Instagram", "kakao-shorts" → the skin; anything unknown stays as it was. */
export function normalisePlatformSkin(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return (
    SKIN_ALIASES[
      value
        .trim()
        .toLowerCase()
        .replace(/-shorts$/, "")
    ] ?? value
  );
}

/** Theme ids take the same aliases, keeping a "-shorts" (1080×1920) variant. */
export function normaliseThemeId(value: string): string {
  const shorts = value.endsWith(SHORTS);
  const skin = normalisePlatformSkin(shorts ? value.slice(0, -SHORTS.length) : value);
  return typeof skin === "string" ? skin + (shorts ? SHORTS : "") : value;
}

const DEFAULT_STATUS_BAR = { time: "12:30", battery: 100, isWifi: true };

export function normaliseStatusBar(raw: unknown): unknown {
  if (raw === undefined || raw === null) return DEFAULT_STATUS_BAR;
  if (!isRecord(raw)) return raw;
  return {
    time: typeof raw.time === "string" ? raw.time : DEFAULT_STATUS_BAR.time,
    battery:
      typeof raw.battery === "string" ? Number(raw.battery) : (raw.battery ?? DEFAULT_STATUS_BAR.battery),
    isWifi: raw.isWifi ?? DEFAULT_STATUS_BAR.isWifi,
  };
}

export function normaliseAuthor(raw: unknown, index: number): unknown {
  if (!isRecord(raw)) return raw;
  const avatar = raw.avatarUrl ?? raw.avatar;
  return {
    id: idOf(raw.id, `author-${index}`),
    name: textOf(raw.name),
    avatarUrl: typeof avatar === "string" ? avatar : "",
  };
}

/** "YYYY-MM-DD" of an instant in Korea, where the SPA's users wrote their "오후 12:30" times. */
const koreanDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Seoul",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

export interface MessageContext {
  /** The project's day, to complete a legacy "오후 12:30" time into "YYYY-MM-DD 오후 12:30". */
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

/**
 * Current messages pass through (text unescaped); legacy ones `{ sender, type, text, time }` and
 * Excel imports `{ messageType, speakerName }` get a role, an authorId and a full datetime.
 */
export function normaliseMessage(raw: unknown, index: number, context: MessageContext): unknown {
  if (!isRecord(raw)) return raw;
  const id = idOf(raw.id, `message-${index + 1}`);
  if (raw.type === "dateDivider") return { id, type: "dateDivider", text: textOf(raw.text) };

  let role = raw.role;
  let authorId = raw.authorId;
  if (typeof raw.speakerName === "string" && raw.speakerName !== "") {
    const author = speaker(context.authors, textOf(raw.speakerName));
    authorId ??= author.id;
    role ??= raw.messageType === "system" ? "system" : author.id === "me" ? "me" : "other";
  } else if (typeof raw.sender === "string") {
    role ??= raw.sender === "me" || raw.sender === "system" ? raw.sender : "other";
    authorId ??=
      role === "system"
        ? ""
        : ((context.authors.find((a) => a.id === raw.sender) ?? context.authors.find((a) => a.id !== "me"))
            ?.id ?? raw.sender);
  }
  const datetime =
    typeof raw.datetime === "string"
      ? raw.datetime
      : typeof raw.time === "string"
        ? `${koreanDate.format(context.day)} ${raw.time}`
        : "";
  const image = typeof raw.imageUrl === "string" && raw.imageUrl !== "" ? { imageUrl: raw.imageUrl } : {};
  return { id, role, authorId, text: textOf(raw.text), datetime, ...image };
}

/** A LocalStorage time (ISO string or epoch ms) as a Date, or undefined when there is none. */
export function parseStoredTime(value: unknown): Date | undefined {
  const ms = typeof value === "number" ? value : typeof value === "string" ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}
