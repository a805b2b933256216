// Telegram: a blue header with `Back`, the avatar and `online` in the middle and a menu; green and
// white bubbles with tails, the time (and my check marks) inside every bubble.
import type { CardKit } from "../card/kit.js";
import { widthEm } from "../card/text.js";
import { el, kids, type Node } from "../card/tree.js";
import { markup } from "../html.js";
import type { PhoneLook, Preset } from "../look.js";
import { bubble, timeText, type Clock } from "../page-parts.js";
import { chromeCss, LINE_PILL, tailedBubbles, type HeaderChrome, type Skin } from "./skin.js";

const preset: Preset = {
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
};

const phone: PhoneLook = {
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
  chatTop: 8,
};

const header: HeaderChrome = {
  back: "chevron-left",
  backSize: 26,
  backLabel: "Back",
  centred: true,
  tools: ["ellipsis-vertical"],
  icon: { size: 22, color: "#FFFFFF" },
  gap: 16,
  online: { color: "#4DCD5E", size: 12, ring: 2 },
};

/** The two check marks, CSS px. */
const CHECKS = { width: 16, height: 11 };
const { time, read, text, divider } = phone;
const [padY, padX] = preset.bubble.me.padding;

const css = `
.skin-telegram{background:${preset.background.replace(/, /g, ",")};--behind:#CFE1EE;--notch:${preset.headerBg}}
.skin-telegram .statusbar,.skin-telegram .room{background:${preset.headerBg};color:${preset.headerText}}
.skin-telegram .room{height:${phone.header.height}px;padding:0 8px}
${chromeCss("telegram", header, preset.headerBg)}
.skin-telegram .room .who{flex:1;justify-content:center;gap:10px}
.skin-telegram .room .avatar{border-radius:50%}
.skin-telegram .back-label{font-size:17px;margin-left:-2px}
.skin-telegram .msg{padding:0 ${phone.inset}px}
.skin-telegram .bubble{display:flex;flex-wrap:wrap;align-items:flex-end;gap:4px;max-width:${phone.bubbleMax * 100}%;padding:${padY}px ${padX}px;box-shadow:${phone.shadow}}
.skin-telegram .bubble .text{font-size:${text.size}px;line-height:${+(text.line / text.size).toFixed(2)}}
${tailedBubbles("telegram", preset.bubble.me.radius, phone)}
.skin-telegram .stamp{display:flex;align-items:center;gap:2px;margin:0 0 -2px 4px;font-size:${time.size}px;color:${preset.timeColor}}
.skin-telegram .msg.me .stamp{color:${time.meColor}}
.skin-telegram .checks{position:relative;width:${CHECKS.width}px;height:${CHECKS.height}px}
.skin-telegram .checks::before,.skin-telegram .checks::after{content:"";position:absolute;top:1px;width:4px;height:7px;border:solid ${read!.color};border-width:0 1.5px 1.5px 0;transform:rotate(40deg)}
.skin-telegram .checks::before{left:4px}.skin-telegram .checks::after{left:8px}
.skin-telegram .divider{padding:8px 0}
.skin-telegram .divider>span{background:${divider.pill!.bg};border-radius:${divider.pill!.radius}px;padding:${divider.pill!.padding[0]}px ${divider.pill!.padding[1]}px;color:${divider.text.color}}
.skin-telegram .divider>span>span{font-size:${divider.text.size}px;font-weight:500}
.skin-telegram .inputbar{background:#F6F6F6;border-top:1px solid #E5E5EA;padding:6px 8px;color:#8E8E93}
.skin-telegram .inputbar .field{background:#fff;border:1px solid #E5E5EA}
.skin-telegram .inputbar .tool:last-child{background:#64B5F6;color:#fff}
.skin-telegram .inputbar .tool:last-child .icon{width:18px;height:18px}
.skin-telegram .home{background:#F6F6F6;color:#000}
`;

/** The two check marks, as the page draws them (two rotated corners). */
function ticks(kit: CardKit, colour: string): Node {
  const { px } = kit;
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
  return el(
    "div",
    { position: "relative", width: px(CHECKS.width), height: px(CHECKS.height), flexShrink: 0 },
    [tick(4), tick(8)],
  );
}

/** A clock as the app writes it. */
const clockText = ({ hour, minute }: Clock) => `${hour}:${minute}`;

export const telegram: Skin = {
  preset,
  phone,
  header,
  input: { before: ["paperclip"], placeholder: () => "Message", after: ["smile", "mic"] },
  themed: { bubblePadding: false, bubbleColours: true },
  css,

  item({ message, look }, classes) {
    const me = message.role === "me";
    const checks = me && look.showReadStatus ? markup`<span class="checks"></span>` : null;
    const stamp = markup`<span class="stamp"><time>${timeText(message.datetime, clockText)}</time>${checks}</span>`;
    return markup`<li class="${classes}">${bubble(message, stamp)}</li>`;
  },

  row(kit, message, first, last) {
    const { look, px, size } = kit;
    const me = message.role === "me";
    const inner = (size.width - 2 * phone.inset) * phone.bubbleMax - 2 * padX;
    const clock = kit.stamp(timeText(message.datetime, clockText));
    const checks = me && look.showReadStatus;
    const stampWidth = 4 + (clock ? widthEm(clock) * time.size : 0) + (checks ? CHECKS.width + 2 : 0);
    const lines = kit.linesOf(message.text, inner, text.size);
    // The time sits at the end of the last line when it fits there, else on a line of its own.
    const inline = widthEm(lines.at(-1)!) * text.size + stampWidth <= inner;
    const colour = me && time.meColor ? time.meColor : preset.timeColor;
    const stamped =
      clock || checks
        ? el(
            "div",
            {
              alignItems: "center",
              gap: px(2),
              marginLeft: px(4),
              flexShrink: 0,
              ...(inline ? { marginBottom: px(-2) } : { alignSelf: "flex-end" }),
            },
            kids(clock && kit.text(clock, time, { color: colour }), checks && ticks(kit, read!.color)),
          )
        : null;
    const height =
      lines.length * text.line +
      2 * padY +
      (stamped && !inline ? time.line : 0) +
      (last ? phone.lastGap : phone.gap);
    const drawn = kit.bubble(
      message,
      lines,
      { first, last },
      inline ? { lastLine: stamped } : { inside: stamped },
    );
    return kit.rowOf(
      height,
      { justifyContent: me ? "flex-end" : "flex-start", alignItems: "flex-end" },
      [drawn],
      last,
    );
  },
};
