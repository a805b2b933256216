// The look of a shared conversation, from its stored theme: each value that passes theme-values.ts
// is kept, anything else falls back to the skin's preset (skins/<skin>.ts: the SPA's published look
// for each app). Also the shapes of a skin's preset and phone sizes, which each skin module fills in.
import type { ConversationData, PlatformSkin } from "../schema.js";
import { SKINS } from "./skins/all.js";
import { clampedNumber, cssBackground, cssColour } from "./theme-values.js";

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

/** What a skin's module gives as its app's own look (the theme may change some of it). */
export type Preset = Omit<Look, "skin" | "shorts">;

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
  const preset = SKINS[skin].preset;
  const theme = record(content.theme);
  const shorts = typeof theme.id === "string" && theme.id.endsWith("-shorts");
  // A shorts theme is sized for 1080 px: bring its sizes back to a 390-px phone.
  const scale = shorts ? 390 / 1080 : 1;
  const size = (value: unknown, min: number, max: number, fallback: number) =>
    clampedNumber(typeof value === "number" ? value * scale : value, min, max) ?? fallback;
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
 * The phone as the page draws each app regardless of the theme, in CSS px: what a preset does not
 * hold. The card and the download image draw this phone at twice the size.
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
  /** Space above the first message (the page's `.chat` padding). */
  chatTop: number;
  /** Discord's messages start at the top, the other apps' at the bottom. */
  fromTop?: boolean;
}

/** Discord's unread count in the header. */
export const UNREAD_BADGE = { bg: "#F23F43", text: "#FFFFFF" } as const;

/** What every app's phone shares on the page (styles.ts `.room`, `.system`), CSS px. */
export const PHONE_COMMON = {
  title: { size: 17, line: 22 },
  subtitle: { size: 12, line: 15 },
  /** A system line: its type, padding [vertical, horizontal], the margin above and below, the inset. */
  system: { size: 12, line: 16, padding: [8, 16], margin: 8, inset: 16 },
} as const;
