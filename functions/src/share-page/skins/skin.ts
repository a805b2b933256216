// What one skin's module (skins/<skin>.ts) holds: the app's preset look and phone sizes, its header
// and input bar, its stylesheet written from those numbers, and how it draws a message on the page
// and on the card. Everything the skins share lives in page-parts.ts, card/kit.ts and here.
import type { TextMessage } from "../../schema.js";
import type { CardKit, Row } from "../card/kit.js";
import type { Html } from "../html.js";
import type { IconName } from "../icons.js";
import type { PhoneLook, Preset } from "../look.js";
import type { Place } from "../page-parts.js";

/** The room header's chrome, as the SPA's preview draws each app's (page and card alike). */
export interface HeaderChrome {
  back: IconName;
  /** A word beside the back arrow (Telegram's `Back`). */
  backLabel?: string;
  /** The avatar and titles in the middle of the header (Telegram), else after the back arrow. */
  centred?: boolean;
  /** The icons on the right, in order. */
  tools: readonly IconName[];
  /** A round button behind each tool (Discord's). */
  toolButton?: { size: number; bg: string };
  /** The tools' icon size and colour, and the space between them, CSS px. */
  icon: { size: number; color: string };
  gap: number;
  /** The back icon's size, CSS px. */
  backSize: number;
  /** The unread count beside the back arrow (Discord's). */
  badge?: boolean;
  /** The "online" dot on the avatar's corner: its colour, size and ring (in the header's colour), CSS px. */
  online?: { color: string; size: number; ring: number };
}

/** The inert input bar at the bottom of the page (the card has none): icons and a placeholder. */
export interface InputChrome {
  /** Icons before the field, in order. */
  before: readonly IconName[];
  /** The field's grey text, from the room's title. */
  placeholder(title: string): string;
  /** Icons inside the field, after the placeholder (Discord's emoji). */
  inside?: readonly IconName[];
  /** Icons after the field, in order. */
  after: readonly IconName[];
}

export interface Skin {
  preset: Preset;
  phone: PhoneLook;
  header: HeaderChrome;
  input: InputChrome;
  /** Which theme values the app's preview draws (the others are the app's own). */
  themed: { bubblePadding: boolean; bubbleColours: boolean };
  /** Its page rules, each under `.skin-<id>`, written from the numbers above. */
  css: string;
  /** One message on the page, in its group; `classes` name its side and place. */
  item(place: Place, classes: string): Html;
  /** The same message on the card, `kit` holding the card's shared parts. */
  row(kit: CardKit, message: TextMessage, first: boolean, last: boolean): Row;
}

/** A date pill's line: the phone's 16-px type at line-height 1.5. */
export const LINE_PILL = 24;

/**
 * Grouped bubbles as KakaoTalk and Telegram draw them: a small corner on the group's side, a large
 * one at the group's top, and a tail (a CSS clip path) on its last bubble.
 */
export function tailedBubbles(id: string, r: number, app: PhoneLook): string {
  const at = `.skin-${id} .msg`;
  const c = app.groupCorner ?? r;
  const tail = app.tail;
  const corners = `${at}.other .bubble{border-radius:${c}px ${r}px ${r}px ${c}px}${at}.other.first .bubble{border-radius:${r}px ${r}px ${r}px ${c}px}
${at}.me .bubble{border-radius:${r}px ${c}px ${c}px ${r}px}${at}.me.first .bubble{border-radius:${r}px ${r}px ${c}px ${r}px}`;
  if (!tail) return corners;
  return `${corners}
${at}.last .bubble::after{content:"";position:absolute;bottom:0;width:${tail.width}px;height:${tail.height}px;background:inherit}
${at}.me.last .bubble::after{right:-${tail.offset}px;clip-path:path("${tail.me}")}
${at}.other.last .bubble::after{left:-${tail.offset}px;clip-path:path("${tail.other}")}`;
}

/** The header's and input bar's icon sizes and colours as rules (the markup is the page's, shared). */
export function chromeCss(id: string, header: HeaderChrome, headerBg: string): string {
  const at = `.skin-${id}`;
  const button = header.toolButton;
  const dot = header.online;
  return `${at} .room .icon{width:${header.icon.size}px;height:${header.icon.size}px;color:${header.icon.color}}
${at} .room .back .icon{width:${header.backSize}px;height:${header.backSize}px}${at} .tools{gap:${header.gap}px}${
    button
      ? `\n${at} .tools>span{width:${button.size}px;height:${button.size}px;border-radius:50%;background:${button.bg};display:flex;align-items:center;justify-content:center}`
      : ""
  }${
    dot
      ? `\n${at} .room .face::after{content:"";position:absolute;right:0;bottom:0;width:${dot.size}px;height:${dot.size}px;border-radius:50%;background:${dot.color};border:${dot.ring}px solid ${headerBg}}`
      : ""
  }`;
}
