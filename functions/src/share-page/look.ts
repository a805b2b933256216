// The look of a shared conversation, from its stored theme: every value is data from a user, so a
// colour is kept only when it parses as a CSS colour, a background only as a colour or a linear
// gradient of colours, an image only as a well-formed https URL, a number only inside its range.
// Anything else falls back to the skin's preset (the SPA's published look for each app).
import type { ConversationData, PlatformSkin } from "../schema.js";

export type Side = "me" | "other" | "system";

export interface BubbleLook {
  bg: string;
  text: string;
  radius: number;
}

/** A message bubble also has the theme's padding (system lines keep the apps' own). */
export interface MessageBubbleLook extends BubbleLook {
  /** Inner padding, CSS px: [vertical, horizontal]. */
  padding: [number, number];
}

export interface Look {
  skin: PlatformSkin;
  /** The 1080×1920 "-shorts" variants are drawn at phone scale like the others. */
  shorts: boolean;
  background: string;
  headerBg: string;
  headerText: string;
  fontSize: number;
  nameColor: string;
  timeColor: string;
  showName: boolean;
  showTime: boolean;
  showAvatar: boolean;
  /** Read marks: KakaoTalk's `1`, Telegram's checks, Instagram's "Seen". */
  showReadStatus: boolean;
  avatarSize: number;
  avatarRadius: string;
  bubble: { me: MessageBubbleLook; other: MessageBubbleLook; system: BubbleLook };
}

type Preset = Omit<Look, "skin" | "shorts">;

/** Each app's own colours and sizes (the SPA's presets follow the apps' published designs). */
export const PRESETS: Record<PlatformSkin, Preset> = {
  kakao: {
    background: "#B2C7D9",
    headerBg: "#404D5B",
    headerText: "#FFFFFF",
    fontSize: 15,
    nameColor: "#666666",
    timeColor: "#999999",
    showName: true,
    showTime: true,
    showAvatar: true,
    showReadStatus: true,
    avatarSize: 40,
    avatarRadius: "38%",
    bubble: {
      me: { bg: "#FEE500", text: "#1A1A1A", radius: 13.5, padding: [8, 10] },
      other: { bg: "#FFFFFF", text: "#1A1A1A", radius: 13.5, padding: [8, 10] },
      system: { bg: "rgba(0, 0, 0, 0.25)", text: "#FFFFFF", radius: 17 },
    },
  },
  discord: {
    background: "#1C1D23",
    headerBg: "#1C1D23",
    headerText: "#E4E5E8",
    fontSize: 15,
    nameColor: "#C7C8CE",
    timeColor: "#9597A3",
    showName: true,
    showTime: true,
    showAvatar: true,
    showReadStatus: false,
    avatarSize: 40,
    avatarRadius: "50%",
    bubble: {
      me: { bg: "transparent", text: "#FFFFFF", radius: 0, padding: [0, 0] },
      other: { bg: "transparent", text: "#FFFFFF", radius: 0, padding: [0, 0] },
      system: { bg: "rgba(88, 101, 242, 0.1)", text: "#9597A3", radius: 4 },
    },
  },
  telegram: {
    background: "linear-gradient(180deg, #C9DDEA 0%, #D4E4F0 100%)",
    headerBg: "#527DA3",
    headerText: "#FFFFFF",
    fontSize: 17,
    nameColor: "#2AABEE",
    timeColor: "#999999",
    showName: false,
    showTime: true,
    showAvatar: false,
    showReadStatus: true,
    avatarSize: 34,
    avatarRadius: "50%",
    bubble: {
      me: { bg: "#EEFFDE", text: "#000000", radius: 17, padding: [6, 10] },
      other: { bg: "#FFFFFF", text: "#000000", radius: 17, padding: [6, 10] },
      system: { bg: "rgba(0, 0, 0, 0.1)", text: "#FFFFFF", radius: 10 },
    },
  },
  insta: {
    background: "#FFFFFF",
    headerBg: "#FFFFFF",
    headerText: "#262626",
    fontSize: 14,
    nameColor: "#262626",
    timeColor: "#8E8E8E",
    showName: false,
    showTime: false,
    showAvatar: true,
    showReadStatus: true,
    avatarSize: 28,
    avatarRadius: "50%",
    bubble: {
      me: { bg: "#3797F0", text: "#FFFFFF", radius: 22, padding: [8, 12] },
      other: { bg: "#EFEFEF", text: "#262626", radius: 22, padding: [8, 12] },
      system: { bg: "#FAFAFA", text: "#8E8E8E", radius: 12 },
    },
  },
};

const NAMED_COLOURS = new Set([
  "transparent",
  "white",
  "black",
  "red",
  "green",
  "blue",
  "yellow",
  "gray",
  "grey",
]);
const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const NUMBER = String.raw`\s*-?(?:\d+(?:\.\d+)?|\.\d+)(?:%|deg)?\s*`;
const FUNCTIONAL = new RegExp(String.raw`^(?:rgba?|hsla?)\(${NUMBER}(?:[,\s/]${NUMBER}){2,3}\)$`, "i");

/** A CSS colour, or undefined: hex, rgb()/hsl() with plain numbers, or a few names. */
export function cssColour(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 64) return undefined;
  const v = value.trim();
  return HEX.test(v) || FUNCTIONAL.test(v) || NAMED_COLOURS.has(v.toLowerCase()) ? v : undefined;
}

/** `linear-gradient(<angle>?, <colour> <stop>?, …)`: every part checked, nothing else allowed. */
function linearGradient(value: string): string | undefined {
  const inner = /^linear-gradient\((.*)\)$/i.exec(value.trim())?.[1];
  if (inner === undefined || value.length > 256) return undefined;
  // Split on commas outside parentheses (rgba(…) has its own).
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of inner) {
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (depth < 0) return undefined;
    if (char === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += char;
  }
  parts.push(current.trim());
  const [first, ...rest] = parts;
  const stops = /^-?\d+(?:\.\d+)?deg$|^to (?:top|bottom|left|right)(?: (?:top|bottom|left|right))?$/i.test(
    first ?? "",
  )
    ? rest
    : parts;
  if (stops.length < 2) return undefined;
  const clean = stops.map((stop) => {
    const match = /^(.*?)(\s+\d+(?:\.\d+)?%)?$/.exec(stop);
    const colour = cssColour(match?.[1]);
    return colour === undefined ? undefined : `${colour}${match?.[2] ?? ""}`;
  });
  if (clean.some((c) => c === undefined)) return undefined;
  return `linear-gradient(${stops === rest ? `${first}, ` : ""}${clean.join(", ")})`;
}

export function cssBackground(value: unknown): string | undefined {
  return cssColour(value) ?? (typeof value === "string" ? linearGradient(value) : undefined);
}

/** An image the page may load: https, parseable, of sane length; its parsed form. */
export function httpsImageUrl(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 2048) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.username === "" && url.password === "" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function number(value: unknown, min: number, max: number): number | undefined {
  return typeof value === "number" && Number.isFinite(value)
    ? Math.min(max, Math.max(min, value))
    : undefined;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

// A Map, not an object: the theme's text is the key, and "constructor" must find nothing.
const AVATAR_RADIUS = new Map([
  ["circle", "50%"],
  ["rounded", "38%"],
  ["square", "4px"],
  ["squircle", "30%"],
]);

/** The look of one shared conversation: its theme's values where they are safe, else the preset's. */
export function lookOf(content: ConversationData): Look {
  const skin = content.conversation.platformSkin;
  const preset = PRESETS[skin];
  const theme = record(content.theme);
  const shorts = typeof theme.id === "string" && theme.id.endsWith("-shorts");
  // A shorts theme is sized for 1080 px: bring its sizes back to a 390-px phone.
  const scale = shorts ? 390 / 1080 : 1;
  const size = (value: unknown, min: number, max: number, fallback: number) =>
    number(typeof value === "number" ? value * scale : value, min, max) ?? fallback;
  const bubbles = record(theme.bubble);
  const bubble = (side: Side): BubbleLook => {
    const given = record(bubbles[side]);
    return {
      bg: cssBackground(given.bg) ?? preset.bubble[side].bg,
      text: cssColour(given.textColor) ?? preset.bubble[side].text,
      radius: size(given.radius, 0, 40, preset.bubble[side].radius),
    };
  };
  const message = (side: "me" | "other"): MessageBubbleLook => {
    const given = record(bubbles[side]);
    return {
      ...bubble(side),
      padding: [
        size(given.paddingY, 0, 24, preset.bubble[side].padding[0]),
        size(given.paddingX, 0, 24, preset.bubble[side].padding[1]),
      ],
    };
  };
  const flag = (value: unknown, fallback: boolean) => (typeof value === "boolean" ? value : fallback);
  return {
    skin,
    shorts,
    background:
      (theme.backgroundType === "image" ? undefined : cssBackground(theme.backgroundValue)) ??
      preset.background,
    headerBg: cssBackground(theme.headerBg) ?? preset.headerBg,
    headerText: cssColour(theme.headerTitleColor) ?? preset.headerText,
    fontSize: size(theme.fontSize, 11, 22, preset.fontSize),
    nameColor: cssColour(theme.nameColor) ?? preset.nameColor,
    timeColor: cssColour(theme.timeColor) ?? preset.timeColor,
    showName: flag(theme.showName, preset.showName),
    showTime: flag(theme.showTime, preset.showTime),
    showAvatar: flag(theme.showAvatar, preset.showAvatar),
    showReadStatus: flag(theme.showReadStatus, preset.showReadStatus),
    avatarSize: size(theme.avatarSize, 20, 64, preset.avatarSize),
    avatarRadius:
      (typeof theme.avatarShape === "string" ? AVATAR_RADIUS.get(theme.avatarShape) : undefined) ??
      preset.avatarRadius,
    bubble: { me: message("me"), other: message("other"), system: bubble("system") },
  };
}

/** "오후 12:30" out of "2024-12-10 오후 12:30", as the SPA's bubbles show it; other text as it is. */
export function shownTime(datetime: string): string {
  const clock = /(오전|오후)\s*(\d{1,2}:\d{2})$/.exec(datetime);
  return clock ? `${clock[1]} ${clock[2]}` : datetime;
}

/** A bubble's tail: its box, how far it reaches past the bubble's side, its shape on each side. */
export interface TailLook {
  width: number;
  height: number;
  offset: number;
  /** SVG path data in the box (CSS clip paths). */
  me: string;
  other: string;
}

/** A date divider: a pill (KakaoTalk, Telegram), plain text (Instagram) or a rule (Discord). */
export interface DividerLook {
  /** Its row's height. */
  height: number;
  text: { size: number; color: string; weight: 400 | 700 };
  pill?: { bg: string; radius: number; padding: [number, number]; height: number };
  rule?: string;
  uppercase?: boolean;
}

/**
 * The phone as the page draws each app regardless of the theme (styles.ts), in CSS px: what the
 * presets above do not hold. The card and the download image draw this phone at twice the size.
 */
export interface PhoneLook {
  header: { height: number; avatar: number; avatarRadius: number; subtitle?: string; rule?: string };
  /** Message text: size and line height. */
  text: { size: number; line: number };
  name: { size: number; line: number; gap: number; meColor?: string };
  time: { size: number; line: number; meColor?: string };
  /** KakaoTalk's `1`, Telegram's checks, Instagram's "Seen". */
  read?: { size: number; color: string };
  avatar: { size: number; radius: number; gap: number };
  /** Space left and right of the messages. */
  inset: number;
  /** A bubble's widest, as a share of the row (and at most `maxPx`). */
  bubbleMax: number;
  bubbleMaxPx?: number;
  /** The small corner of a grouped bubble on its side. */
  groupCorner?: number;
  tail?: TailLook;
  shadow?: string;
  /** Space under a message inside its group, and under a group's last. */
  gap: number;
  lastGap: number;
  divider: DividerLook;
}

const LINE_PILL = 24; // a pill's line: the phone's 16-px type at line-height 1.5

export const PHONE: Record<PlatformSkin, PhoneLook> = {
  kakao: {
    header: { height: 56, avatar: 36, avatarRadius: 12 },
    text: { size: 15, line: 18 },
    name: { size: 12, line: 18, gap: 4 },
    time: { size: 10, line: 15 },
    read: { size: 11, color: "#A0A0A0" },
    avatar: { size: 38, radius: 13, gap: 8 },
    inset: 12,
    bubbleMax: 0.7,
    groupCorner: 4,
    tail: { width: 8, height: 12, offset: 5, me: "M0 12C1 7 4 2 8 0V12Z", other: "M8 12C7 7 4 2 0 0V12Z" },
    shadow: "0 1px 1px rgba(0,0,0,0.05)",
    gap: 2,
    lastGap: 8,
    divider: {
      height: 48,
      text: { size: 12, color: "#FFFFFF", weight: 400 },
      pill: { bg: "rgba(0,0,0,0.25)", radius: 34, padding: [4, 12], height: LINE_PILL + 8 },
    },
  },
  telegram: {
    header: { height: 56, avatar: 36, avatarRadius: 18, subtitle: "online" },
    text: { size: 17, line: 22 },
    name: { size: 12, line: 18, gap: 4 },
    time: { size: 11, line: 14, meColor: "#4FAE4E" },
    read: { size: 11, color: "#34C759" },
    avatar: { size: 34, radius: 17, gap: 8 },
    inset: 8,
    bubbleMax: 0.75,
    groupCorner: 4,
    tail: {
      width: 9,
      height: 17,
      offset: 6,
      me: "M0 17C1 11 3 5 9 0C4 5 1 11 0 17Z",
      other: "M9 17C8 11 6 5 0 0C5 5 8 11 9 17Z",
    },
    shadow: "0 1px 0.5px rgba(0,0,0,0.08)",
    gap: 2,
    lastGap: 8,
    divider: {
      height: 48,
      text: { size: 13, color: "#FFFFFF", weight: 700 },
      pill: { bg: "rgba(0,0,0,0.15)", radius: 16, padding: [4, 10], height: LINE_PILL + 8 },
    },
  },
  insta: {
    header: { height: 60, avatar: 36, avatarRadius: 18, subtitle: "Active now" },
    text: { size: 15, line: 20 },
    name: { size: 12, line: 18, gap: 4 },
    time: { size: 11, line: 17 },
    read: { size: 11, color: "#8E8E8E" },
    avatar: { size: 28, radius: 14, gap: 8 },
    inset: 16,
    bubbleMax: 0.7,
    bubbleMaxPx: 270,
    groupCorner: 4,
    gap: 2,
    lastGap: 8,
    divider: { height: 48, text: { size: 12, color: "#8E8E8E", weight: 400 }, uppercase: true },
  },
  discord: {
    header: { height: 55, avatar: 32, avatarRadius: 16, rule: "#22232A" },
    text: { size: 15, line: 18 },
    name: { size: 17, line: 20, gap: 10, meColor: "#949CF7" },
    time: { size: 12, line: 14 },
    avatar: { size: 40, radius: 20, gap: 10 },
    inset: 12,
    bubbleMax: 1,
    gap: 0,
    lastGap: 0,
    divider: { height: 32, text: { size: 12, color: "#818491", weight: 400 }, rule: "#303139" },
  },
};

/** An avatar without a picture: the author's initial on a tile (the page's fallback too). */
export const AVATAR_TILE = { bg: "#C9D3DD", text: "#FFFFFF" } as const;

/** Discord's unread count in the header. */
export const UNREAD_BADGE = { bg: "#F23F43", text: "#FFFFFF" } as const;

/** What every app's phone shares on the page (styles.ts `.room`, `.system`), CSS px. */
export const PHONE_COMMON = {
  title: { size: 17, line: 22 },
  subtitle: { size: 12, line: 15 },
  /** A system line: its type, padding [vertical, horizontal], the margin above and below, the inset. */
  system: { size: 12, line: 16, padding: [8, 16], margin: 8, inset: 16 },
} as const;
