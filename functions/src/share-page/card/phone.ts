// The phone as the share page draws it (styles.ts, conversation-html.ts), for the renderer: the app's
// header, and the messages grouped by side as the page groups them, with tails, the time on a
// group's last message and read marks, at `scale` times the page's CSS px. Text is cut to lines
// first, so every row's height is known here before satori runs: callers take only rows that fit.
import type { ConversationData, Message, TextMessage } from "../../schema.js";
import { isText, sameGroup, timeText } from "../conversation-html.js";
import { AVATAR_TILE, PHONE, PHONE_COMMON, PRESETS, UNREAD_BADGE, type Look } from "../look.js";
import { textLines, widthEm } from "./text.js";
import { el, line, oneLine, paint, type Node } from "./tree.js";

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

/** The widest a time or a read mark is drawn, CSS px: a datetime is free text of up to 32 characters. */
const STAMP_MAX = 140;
/** Telegram's two check marks, CSS px. */
const CHECKS_WIDTH = 16;

/** A list of children without the ones left out. */
const kids = (...nodes: (Node | null | false | undefined | "")[]) =>
  nodes.filter((n): n is Node => Boolean(n));

export function phone(data: ConversationData, look: Look, size: PhoneSize) {
  const skin = look.skin;
  const app = PHONE[skin];
  const preset = PRESETS[skin];
  const px = (css: number) => css * size.scale;
  const authors = new Map(data.conversation.authors.map((a) => [a.id, a.name]));
  const nameOf = (m: TextMessage) => authors.get(m.authorId) || (m.role === "me" ? "나" : "");
  const linesOf = (text: string, widthCss: number, fontCss: number) =>
    textLines(text, { lines: size.lines, chars: size.chars, widthEm: widthCss / fontCss });
  const text = (value: string, css: { size: number; line: number }, style: Record<string, unknown> = {}) =>
    line(value, { fontSize: px(css.size), lineHeight: `${px(css.line)}px`, height: px(css.line), ...style });

  function avatar(name: string, side: number, radius: number): Node {
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
  }

  /** A message's bubble: the lines on the theme's colours, corners by its place in the group, a tail on its last. */
  function bubble(
    message: TextMessage,
    lines: readonly string[],
    place: { first: boolean; last: boolean },
    extra: { inside?: Node | null; lastLine?: Node | null } = {},
  ): Node {
    const me = message.role === "me";
    const colours = look.bubble[me ? "me" : "other"];
    // KakaoTalk takes the theme's padding; the other apps draw their own (as the page does).
    const [padY, padX] = skin === "kakao" ? colours.padding : preset.bubble.me.padding;
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
  }

  const scaledPath = (d: string) => d.replace(/\d+(?:\.\d+)?/g, (n) => String(px(Number(n))));
  const scaledShadow = (shadow: string) =>
    shadow.replace(/(\d+(?:\.\d+)?)px/g, (_, n) => `${px(Number(n))}px`);

  const stamp = (value: string) => oneLine(value, app.time.size, STAMP_MAX);

  function kakaoRow(message: TextMessage, first: boolean, last: boolean): Row {
    const me = message.role === "me";
    const colours = look.bubble[me ? "me" : "other"];
    const bodyMax = (size.width - 2 * app.inset) * app.bubbleMax;
    const time = look.showTime ? stamp(timeText(skin, message.datetime)) : "";
    // The read `1` goes with the time, as on the page.
    const read = look.showTime && me && look.showReadStatus && app.read;
    const stampWidth =
      (time ? widthEm(time) * app.time.size : 0) + (read ? widthEm("1") * read.size + 3 : 0) + 4;
    const lines = linesOf(message.text, bodyMax - stampWidth - 2 * colours.padding[1], app.text.size);
    const named = !me && first;
    const bodyHeight =
      lines.length * app.text.line + 2 * colours.padding[0] + (named ? app.name.line + app.name.gap : 0);
    const height = Math.max(bodyHeight, named ? app.avatar.size : 0) + (last ? app.lastGap : app.gap);
    const stamped =
      last && look.showTime
        ? el(
            "div",
            { alignItems: "flex-end", gap: px(3), flexShrink: 0 },
            kids(
              read && text("1", { size: read.size, line: app.time.line }, { color: read.color }),
              time && text(time, app.time, { color: preset.timeColor }),
            ),
          )
        : null;
    const body = el(
      "div",
      { flexDirection: "column", alignItems: me ? "flex-end" : "flex-start", maxWidth: px(bodyMax) },
      kids(
        named &&
          text(oneLine(nameOf(message), app.name.size, bodyMax), app.name, {
            color: preset.nameColor,
            marginBottom: px(app.name.gap),
            marginLeft: px(2),
          }),
        el(
          "div",
          { flexDirection: me ? "row-reverse" : "row", alignItems: "flex-end", gap: px(4) },
          kids(bubble(message, lines, { first, last }), stamped),
        ),
      ),
    );
    const face = me
      ? null
      : el("div", { width: px(app.avatar.size), marginRight: px(app.avatar.gap), flexShrink: 0 }, [
          ...(named ? [avatar(nameOf(message), app.avatar.size, app.avatar.radius)] : []),
        ]);
    return rowOf(
      height,
      { justifyContent: me ? "flex-end" : "flex-start", alignItems: "flex-end" },
      kids(face, body),
      last,
    );
  }

  function telegramRow(message: TextMessage, first: boolean, last: boolean): Row {
    const me = message.role === "me";
    const [padY, padX] = preset.bubble.me.padding;
    const inner = (size.width - 2 * app.inset) * app.bubbleMax - 2 * padX;
    const time = stamp(timeText(skin, message.datetime));
    const checks = me && look.showReadStatus && app.read;
    const stampWidth = 4 + (time ? widthEm(time) * app.time.size : 0) + (checks ? CHECKS_WIDTH + 2 : 0);
    const lines = linesOf(message.text, inner, app.text.size);
    // The time sits at the end of the last line when it fits there, else on a line of its own.
    const inline = widthEm(lines.at(-1)!) * app.text.size + stampWidth <= inner;
    const colour = me && app.time.meColor ? app.time.meColor : preset.timeColor;
    const stamped =
      time || checks
        ? el(
            "div",
            {
              alignItems: "center",
              gap: px(2),
              marginLeft: px(4),
              flexShrink: 0,
              ...(inline ? { marginBottom: px(-2) } : { alignSelf: "flex-end" }),
            },
            kids(time && text(time, app.time, { color: colour }), checks && ticks(checks.color)),
          )
        : null;
    const height =
      lines.length * app.text.line +
      2 * padY +
      (stamped && !inline ? app.time.line : 0) +
      (last ? app.lastGap : app.gap);
    const drawn = bubble(
      message,
      lines,
      { first, last },
      inline ? { lastLine: stamped } : { inside: stamped },
    );
    return rowOf(
      height,
      { justifyContent: me ? "flex-end" : "flex-start", alignItems: "flex-end" },
      [drawn],
      last,
    );
  }

  /** Telegram's two check marks, as the page draws them (two rotated corners). */
  function ticks(colour: string): Node {
    const tick = (left: number) =>
      el("div", {
        position: "absolute",
        top: px(1),
        left: px(left),
        width: px(4),
        height: px(7),
        borderRight: `${px(1.5)}px solid ${colour}`,
        borderBottom: `${px(1.5)}px solid ${colour}`,
        transform: "rotate(40deg)",
      });
    return el("div", { position: "relative", width: px(CHECKS_WIDTH), height: px(11), flexShrink: 0 }, [
      tick(4),
      tick(8),
    ]);
  }

  function instaRow(message: TextMessage, first: boolean, last: boolean): Row {
    const me = message.role === "me";
    const [padY, padX] = preset.bubble.me.padding;
    const widest = Math.min(size.width * app.bubbleMax, app.bubbleMaxPx ?? Number.POSITIVE_INFINITY);
    const lines = linesOf(message.text, widest - 2 * padX, app.text.size);
    const separator = first && message.datetime !== "" ? stamp(timeText(skin, message.datetime)) : null;
    const seen = me && last && look.showReadStatus && app.read;
    const bubbleHeight = lines.length * app.text.line + 2 * padY;
    const face = me
      ? null
      : el("div", { width: px(app.avatar.size), marginRight: px(app.avatar.gap), flexShrink: 0 }, [
          ...(first ? [avatar(nameOf(message), app.avatar.size, app.avatar.radius)] : []),
        ]);
    const height =
      (separator ? app.time.line + 8 : 0) +
      Math.max(bubbleHeight, first && !me ? app.avatar.size : 0) +
      (seen ? app.time.line + 4 : 0) +
      (last ? app.lastGap : app.gap);
    return rowOf(
      height,
      { flexDirection: "column", alignItems: me ? "flex-end" : "flex-start" },
      kids(
        separator !== null &&
          text(separator, app.time, {
            alignSelf: "stretch",
            justifyContent: "center",
            marginBottom: px(8),
            color: preset.timeColor,
          }),
        el(
          "div",
          { alignItems: "flex-end", flexShrink: 0 },
          kids(face, bubble(message, lines, { first, last })),
        ),
        seen && text("Seen", app.time, { color: seen.color, marginTop: px(4), marginRight: px(4) }),
      ),
      last,
    );
  }

  function discordRow(message: TextMessage, first: boolean, last: boolean): Row {
    const me = message.role === "me";
    const lines = linesOf(
      message.text,
      size.width - 2 * app.inset - app.avatar.size - app.avatar.gap,
      app.text.size,
    );
    const bodyHeight = 2 + (first ? app.name.line + app.name.gap : 0) + lines.length * app.text.line + 6;
    const height = (first ? 8 : 0) + Math.max(bodyHeight, first ? app.avatar.size : 0);
    const meta =
      first &&
      el(
        "div",
        { alignItems: "center", gap: px(11), flexShrink: 0, marginBottom: px(app.name.gap) },
        kids(
          text(oneLine(nameOf(message), app.name.size, size.width / 2), app.name, {
            color: me && app.name.meColor ? app.name.meColor : preset.nameColor,
            fontWeight: 700,
          }),
          look.showTime &&
            message.datetime !== "" &&
            text(stamp(timeText(skin, message.datetime)), app.time, {
              color: preset.timeColor,
              paddingLeft: px(10),
            }),
        ),
      );
    const body = el(
      "div",
      {
        flexDirection: "column",
        flexGrow: 1,
        padding: `${px(2)}px 0 ${px(6)}px`,
        marginLeft: px(first ? app.avatar.gap : app.avatar.size + app.avatar.gap),
        color: preset.bubble.me.text,
      },
      kids(meta, ...lines.map((l) => text(l, app.text))),
    );
    return rowOf(
      height,
      { alignItems: "flex-start", paddingTop: px(first ? 8 : 0) },
      kids(first && avatar(nameOf(message), app.avatar.size, app.avatar.radius), body),
      last,
    );
  }

  /** A row `height` CSS px tall (its gap below included), across the phone. */
  function rowOf(height: number, style: Record<string, unknown>, children: Node[], last: boolean): Row {
    const gap = last ? app.lastGap : app.gap;
    return {
      node: el(
        "div",
        {
          height: px(height),
          flexShrink: 0,
          padding: `0 ${px(app.inset)}px ${px(gap)}px`,
          ...style,
        },
        children,
      ),
      height: px(height),
    };
  }

  /** A system line (the page's `.system`): centred, in the theme's system colours. */
  function systemRow(message: TextMessage): Row {
    const spec = PHONE_COMMON.system;
    const widest = size.width - 2 * spec.inset - 2 * spec.padding[1];
    const lines = linesOf(message.text, widest, spec.size);
    const height = lines.length * spec.line + 2 * spec.padding[0] + 2 * spec.margin;
    const { system } = look.bubble;
    return {
      node: el("div", { height: px(height), flexShrink: 0, justifyContent: "center", alignItems: "center" }, [
        el(
          "div",
          {
            ...paint(system.bg),
            color: system.text,
            flexDirection: "column",
            alignItems: "center",
            padding: `${px(spec.padding[0])}px ${px(spec.padding[1])}px`,
            borderRadius: px(system.radius),
            overflow: "hidden",
            flexShrink: 0,
          },
          lines.map((l) => text(l, spec)),
        ),
      ]),
      height: px(height),
    };
  }

  function dividerRow(value: string): Row {
    const { divider } = app;
    const shown = oneLine(
      divider.uppercase ? value.toUpperCase() : value,
      divider.text.size,
      size.width - 80,
    );
    const label = text(
      shown,
      { size: divider.text.size, line: divider.pill?.height ?? divider.height },
      {
        color: divider.text.color,
        fontWeight: divider.text.weight,
        ...(divider.pill
          ? {
              ...paint(divider.pill.bg),
              borderRadius: px(divider.pill.radius),
              padding: `0 ${px(divider.pill.padding[1])}px`,
            }
          : {}),
      },
    );
    const rule = divider.rule && el("div", { flexGrow: 1, height: px(1), backgroundColor: divider.rule });
    return {
      node: el(
        "div",
        {
          height: px(divider.height),
          flexShrink: 0,
          alignItems: "center",
          justifyContent: "center",
          gap: px(8),
          padding: `0 ${px(10)}px`,
        },
        kids(rule, label, rule),
      ),
      height: px(divider.height),
    };
  }

  const ROWS = { kakao: kakaoRow, telegram: telegramRow, insta: instaRow, discord: discordRow };

  function rowFor(message: Message, previous: Message | undefined, last: boolean): Row {
    if (!isText(message)) return dividerRow(message.text);
    if (message.role === "system") return systemRow(message);
    return ROWS[skin](message, !sameGroup(previous, message), last);
  }

  return {
    /** The app's header: back arrow, the other person's avatar, the title, the app's icons. */
    header(): Row {
      const { header } = app;
      const colour = preset.headerText;
      const other = data.conversation.authors.find((a) => a.id !== "me");
      const title = data.conversation.title || data.title || "TalkStudio";
      const back = el("div", {
        width: px(12),
        height: px(12),
        borderLeft: `${px(2.5)}px solid ${colour}`,
        borderBottom: `${px(2.5)}px solid ${colour}`,
        transform: "rotate(45deg)",
        margin: `0 ${px(8)}px 0 ${px(10)}px`,
        flexShrink: 0,
      });
      const unread = data.conversation.unreadCount;
      const badge =
        skin === "discord" &&
        unread > 0 &&
        text(
          unread > 99 ? "99+" : String(unread),
          { size: 11, line: 16 },
          {
            ...paint(UNREAD_BADGE.bg),
            color: UNREAD_BADGE.text,
            fontWeight: 700,
            borderRadius: px(8),
            padding: `0 ${px(6)}px`,
            marginRight: px(8),
          },
        );
      const face = avatar(other?.name ?? "", header.avatar, header.avatarRadius);
      const titles = el(
        "div",
        {
          flexDirection: "column",
          flexShrink: 1,
          minWidth: 0,
          ...(skin === "telegram" ? { flexGrow: 1, alignItems: "center" } : {}),
        },
        kids(
          text(oneLine(title, PHONE_COMMON.title.size, size.width - 160), PHONE_COMMON.title, {
            fontWeight: 700,
          }),
          header.subtitle !== undefined && text(header.subtitle, PHONE_COMMON.subtitle, { opacity: 0.7 }),
        ),
      );
      const dot = () =>
        el("div", { width: px(4), height: px(4), borderRadius: px(2), backgroundColor: colour });
      const tools =
        skin !== "telegram" &&
        el("div", { gap: px(16), alignItems: "center", flexShrink: 0, marginLeft: "auto" }, [
          el("div", {
            width: px(20),
            height: px(20),
            borderRadius: px(10),
            border: `${px(2)}px solid ${colour}`,
          }),
          el("div", { flexDirection: "column", gap: px(1.5) }, [dot(), dot(), dot()]),
        ]);
      const who =
        skin === "telegram"
          ? [titles, face]
          : [el("div", { alignItems: "center", gap: px(8), minWidth: 0 }, [face, titles])];
      return {
        node: el(
          "div",
          {
            ...paint(preset.headerBg),
            color: colour,
            height: px(header.height),
            flexShrink: 0,
            alignItems: "center",
            padding: `0 ${px(12)}px 0 0`,
            ...(header.rule ? { borderBottom: `${px(1)}px solid ${header.rule}` } : {}),
          },
          kids(back, badge, ...who, tools),
        ),
        height: px(header.height),
      };
    },

    /**
     * The rows of `messages` that fit in `room` output px, in order. The last one drawn closes its
     * group (the picture ends there), so it carries the time and the tail.
     */
    rows(messages: readonly Message[], room: number): Row[] {
      const rows: Row[] = [];
      let used = 0;
      for (const [i, message] of messages.entries()) {
        const next = messages[i + 1];
        const row = rowFor(
          message,
          messages[i - 1],
          !(isText(next) && isText(message) && sameGroup(message, next)),
        );
        if (used + row.height > room) break;
        used += row.height;
        rows.push(row);
      }
      while (rows.length > 0) {
        const i = rows.length - 1;
        const closed = rowFor(messages[i]!, messages[i - 1], true);
        if (used - rows[i]!.height + closed.height <= room) {
          rows[i] = closed;
          break;
        }
        used -= rows.pop()!.height;
      }
      return rows;
    },

    /** A centred line in the system style (the download image's closing note). */
    note: (value: string) =>
      systemRow({ id: "note", role: "system", authorId: "", text: value, datetime: "" }),

    background: preset.background,
    /** Space above the first row (the page's `.chat` padding). */
    top: px(skin === "discord" ? 10 : 8),
    /** Discord's messages start at the top, the other apps' at the bottom. */
    fromTop: skin === "discord",
  };
}
