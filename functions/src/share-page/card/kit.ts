// The parts every skin's card rows are made of (skins/<skin>.ts put them together their app's way),
// at `scale` times the page's CSS px: text lines of a known height, avatars, bubbles with their
// corners and tails, icons, and a row whose height is known before satori runs.
import type { ConversationData, TextMessage } from "../../schema.js";
import { iconDataUrl, type IconName } from "../icons.js";
import type { Look, PhoneLook, Preset } from "../look.js";
import { SKINS } from "../skins/all.js";
import type { Skin } from "../skins/skin.js";
import { textLines } from "./text.js";
import { el, kids, line, oneLine, paint, type Node } from "./tree.js";

export interface Row {
  node: Node;
  /** Its height in output px, as laid out (its margins included). */
  height: number;
}

export interface PhoneSize {
  /** The phone's width in the page's CSS px. */
  width: number;
  /** Output px per CSS px. */
  scale: number;
  /** Lines and graphemes kept of one message. */
  lines: number;
  chars: number;
  /**
   * The bubbles' faint shadows: resvg blurs each, which tripled the time of the largest download
   * image (0.6 s to 1.8 s, 200 bubbles of 40 lines); on a card's few bubbles they cost little.
   */
  shadows: boolean;
}

/** An avatar without a picture: the author's initial on a tile (the page's fallback too). */
const AVATAR_TILE = { bg: "#C9D3DD", text: "#FFFFFF" } as const;

/** The widest a time or a read mark is drawn, CSS px: a datetime is free text of up to 32 characters. */
const STAMP_MAX = 140;

export type CardKit = ReturnType<typeof cardKit>;

export function cardKit(data: ConversationData, look: Look, size: PhoneSize) {
  const skin: Skin = SKINS[look.skin];
  const app: PhoneLook = skin.phone;
  const preset: Preset = skin.preset;
  const px = (css: number) => css * size.scale;
  const authors = new Map(data.conversation.authors.map((a) => [a.id, a.name]));
  const text = (value: string, css: { size: number; line: number }, style: Record<string, unknown> = {}) =>
    line(value, { fontSize: px(css.size), lineHeight: `${px(css.line)}px`, height: px(css.line), ...style });
  const scaledPath = (d: string) => d.replace(/\d+(?:\.\d+)?/g, (n) => String(px(Number(n))));
  const scaledShadow = (shadow: string) =>
    shadow.replace(/(\d+(?:\.\d+)?)px/g, (_, n) => `${px(Number(n))}px`);

  return {
    data,
    look,
    size,
    skin,
    app,
    preset,
    px,
    text,
    nameOf: (m: TextMessage) => authors.get(m.authorId) || (m.role === "me" ? "나" : ""),
    linesOf: (value: string, widthCss: number, fontCss: number) =>
      textLines(value, { lines: size.lines, chars: size.chars, widthEm: widthCss / fontCss }),
    /** A time or read mark, one line of at most STAMP_MAX CSS px. */
    stamp: (value: string) => oneLine(value, app.time.size, STAMP_MAX),

    avatar(name: string, side: number, radius: number): Node {
      return el(
        "div",
        {
          width: px(side),
          height: px(side),
          borderRadius: px(radius),
          backgroundColor: AVATAR_TILE.bg,
          color: AVATAR_TILE.text,
          fontSize: px(Math.round(side * 0.4)),
          fontWeight: 700,
          alignItems: "center",
          justifyContent: "center",
          flexShrink: 0,
        },
        Array.from(name.trim())[0] ?? "?",
      );
    },

    /** A Lucide icon `side` CSS px square, stroked in `colour`. */
    icon(name: IconName, side: number, colour: string): Node {
      return {
        type: "img",
        props: {
          src: iconDataUrl(name, colour),
          width: px(side),
          height: px(side),
          style: { width: px(side), height: px(side), flexShrink: 0 },
        },
      };
    },

    /** A message's bubble: the lines on the theme's colours, corners by its place in the group, a tail on its last. */
    bubble(
      message: TextMessage,
      lines: readonly string[],
      place: { first: boolean; last: boolean },
      extra: { inside?: Node | null; lastLine?: Node | null } = {},
    ): Node {
      const me = message.role === "me";
      const colours = look.bubble[me ? "me" : "other"];
      const [padY, padX] = skin.themed.bubblePadding ? colours.padding : preset.bubble.me.padding;
      const r = px(preset.bubble.me.radius);
      const c = app.groupCorner === undefined ? r : px(app.groupCorner);
      const corners = me ? [r, place.first ? r : c, c, r] : [place.first ? r : c, r, r, c];
      const rows = lines.map((l, i) => {
        const shown = text(l, app.text);
        return i === lines.length - 1 && extra.lastLine
          ? el("div", { alignItems: "flex-end", flexShrink: 0 }, [shown, extra.lastLine])
          : shown;
      });
      const body = el(
        "div",
        {
          ...paint(colours.bg),
          color: colours.text,
          flexDirection: "column",
          padding: `${px(padY)}px ${px(padX)}px`,
          borderTopLeftRadius: corners[0],
          borderTopRightRadius: corners[1],
          borderBottomRightRadius: corners[2],
          borderBottomLeftRadius: corners[3],
          overflow: "hidden",
          flexShrink: 0,
          ...(app.shadow && size.shadows ? { boxShadow: scaledShadow(app.shadow) } : {}),
        },
        kids(...rows, extra.inside ?? null),
      );
      const tail = app.tail && place.last ? app.tail : undefined;
      if (!tail) return body;
      return el("div", { position: "relative", flexShrink: 0 }, [
        body,
        el("div", {
          position: "absolute",
          bottom: 0,
          [me ? "right" : "left"]: -px(tail.offset),
          width: px(tail.width),
          height: px(tail.height),
          ...paint(colours.bg),
          clipPath: `path("${scaledPath(me ? tail.me : tail.other)}")`,
        }),
      ]);
    },

    /** A row `height` CSS px tall (its gap below included), across the phone. */
    rowOf(height: number, style: Record<string, unknown>, children: Node[], last: boolean): Row {
      const gap = last ? app.lastGap : app.gap;
      return {
        node: el(
          "div",
          { height: px(height), flexShrink: 0, padding: `0 ${px(app.inset)}px ${px(gap)}px`, ...style },
          children,
        ),
        height: px(height),
      };
    },
  };
}
