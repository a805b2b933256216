// The phone as the share page draws it, for the renderer: the app's header, and the messages grouped
// by side as the page groups them, each drawn by its skin's module (skins/<skin>.ts) from the parts
// in kit.ts, at `scale` times the page's CSS px. Text is cut to lines first, so every row's height
// is known here before satori runs: callers take only rows that fit.
import type { ConversationData, Message, TextMessage } from "../../schema.js";
import { PHONE_COMMON, UNREAD_BADGE, type Look } from "../look.js";
import { isText, sameGroup } from "../page-parts.js";
import { cardKit, type CardKit, type PhoneSize, type Row } from "./kit.js";
import { el, kids, oneLine, paint, type Node } from "./tree.js";

/** The app's header: back arrow (and label), the other person's avatar, the title, the app's icons. */
function header(kit: CardKit): Row {
  const { data, skin, px, size, text } = kit;
  const { header: chrome, phone: app, preset } = skin;
  const colour = preset.headerText;
  const other = data.conversation.authors.find((a) => a.id !== "me");
  const title = data.conversation.title || data.title || "TalkStudio";
  const back = el(
    "div",
    { alignItems: "center", flexShrink: 0, marginRight: px(4), color: colour },
    kids(
      kit.icon(chrome.back, chrome.backSize, chrome.backLabel ? colour : chrome.icon.color),
      chrome.backLabel !== undefined && text(chrome.backLabel, PHONE_COMMON.title, { marginLeft: px(-2) }),
    ),
  );
  const unread = data.conversation.unreadCount;
  const badge =
    chrome.badge &&
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
  const dot = chrome.online;
  const face = el(
    "div",
    { position: "relative", flexShrink: 0 },
    kids(
      kit.avatar(other?.name ?? "", app.header.avatar, app.header.avatarRadius),
      dot &&
        el("div", {
          position: "absolute",
          right: 0,
          bottom: 0,
          width: px(dot.size),
          height: px(dot.size),
          borderRadius: px(dot.size / 2),
          backgroundColor: dot.color,
          border: `${px(dot.ring)}px solid ${preset.headerBg}`,
        }),
    ),
  );
  const titles = el(
    "div",
    { flexDirection: "column", flexShrink: 1, minWidth: 0 },
    kids(
      text(oneLine(title, PHONE_COMMON.title.size, size.width - 180), PHONE_COMMON.title, {
        fontWeight: 700,
      }),
      app.header.subtitle !== undefined && text(app.header.subtitle, PHONE_COMMON.subtitle, { opacity: 0.7 }),
    ),
  );
  const button = chrome.toolButton;
  const tools = el(
    "div",
    { gap: px(chrome.gap), alignItems: "center", flexShrink: 0, marginLeft: "auto" },
    chrome.tools.map((name) => {
      const icon = kit.icon(name, chrome.icon.size, chrome.icon.color);
      return button
        ? el(
            "div",
            {
              width: px(button.size),
              height: px(button.size),
              borderRadius: px(button.size / 2),
              backgroundColor: button.bg,
              alignItems: "center",
              justifyContent: "center",
            },
            [icon],
          )
        : icon;
    }),
  );
  const who = el(
    "div",
    {
      alignItems: "center",
      gap: px(chrome.centred ? 10 : 8),
      minWidth: 0,
      ...(chrome.centred ? { flexGrow: 1, justifyContent: "center" } : {}),
    },
    [face, titles],
  );
  return {
    node: el(
      "div",
      {
        ...paint(preset.headerBg),
        color: colour,
        height: px(app.header.height),
        flexShrink: 0,
        alignItems: "center",
        padding: `0 ${px(12)}px 0 ${px(8)}px`,
        ...(app.header.rule ? { borderBottom: `${px(1)}px solid ${app.header.rule}` } : {}),
      },
      kids(back, badge, who, tools),
    ),
    height: px(app.header.height),
  };
}

/** A system line (the page's `.system`): centred, in the theme's system colours. */
function systemRow(kit: CardKit, message: TextMessage): Row {
  const { px, size, look } = kit;
  const spec = PHONE_COMMON.system;
  const widest = size.width - 2 * spec.inset - 2 * spec.padding[1];
  const lines = kit.linesOf(message.text, widest, spec.size);
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
        lines.map((l) => kit.text(l, spec)),
      ),
    ]),
    height: px(height),
  };
}

/** A date divider as the app draws it: a pill, plain text, or a rule with the date in the middle. */
function dividerRow(kit: CardKit, value: string): Row {
  const { px, size } = kit;
  const { divider } = kit.app;
  const shown = oneLine(divider.uppercase ? value.toUpperCase() : value, divider.text.size, size.width - 80);
  const label = kit.text(
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
  const rule: Node | undefined =
    divider.rule === undefined
      ? undefined
      : el("div", { flexGrow: 1, height: px(1), backgroundColor: divider.rule });
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

export function phone(data: ConversationData, look: Look, size: PhoneSize) {
  const kit = cardKit(data, look, size);
  const rowFor = (message: Message, previous: Message | undefined, last: boolean): Row => {
    if (!isText(message)) return dividerRow(kit, message.text);
    if (message.role === "system") return systemRow(kit, message);
    return kit.skin.row(kit, message, !sameGroup(previous, message), last);
  };

  return {
    header: () => header(kit),

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
      systemRow(kit, { id: "note", role: "system", authorId: "", text: value, datetime: "" }),

    background: kit.preset.background,
    /** Space above the first row (the page's `.chat` padding). */
    top: kit.px(kit.app.chatTop),
    fromTop: kit.app.fromTop === true,
  };
}
