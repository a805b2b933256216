// Instagram: a white header with call and video icons, blue and grey bubbles without tails, a
// centred time over each group and `Seen` under my last.
import { el, kids } from "../card/tree.js";
import { markup } from "../html.js";
import type { PhoneLook, Preset } from "../look.js";
import { avatar, bubble, timeText, type Clock } from "../page-parts.js";
import { chromeCss, tailedBubbles, type HeaderChrome, type Skin } from "./skin.js";

const preset: Preset = {
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
};

const phone: PhoneLook = {
  header: { height: 60, avatar: 36, avatarRadius: 18, subtitle: "Active now", rule: "#DBDBDB" },
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
  chatTop: 8,
};

const header: HeaderChrome = {
  back: "chevron-left",
  backSize: 28,
  tools: ["phone", "video"],
  icon: { size: 24, color: "#262626" },
  gap: 20,
  online: { color: "#44D62C", size: 10, ring: 2 },
};

const { avatar: face, time, read, text, divider } = phone;
const [padY, padX] = preset.bubble.me.padding;

const css = `
.skin-insta{background:${preset.background};color:${preset.headerText};--behind:${preset.background}}
.skin-insta .statusbar,.skin-insta .room{background:${preset.headerBg};color:#000}
.skin-insta .room{height:${phone.header.height}px;padding:8px 16px;border-bottom:.5px solid ${phone.header.rule}}
${chromeCss("insta", header, preset.headerBg)}
.skin-insta .room .who{flex:1;gap:12px}
.skin-insta .room .avatar{border-radius:50%}
.skin-insta .msg{flex-direction:column;align-items:flex-start;padding:0 ${phone.inset}px}
.skin-insta .msg.me{align-items:flex-end}
.skin-insta .separator{align-self:stretch;text-align:center;margin-bottom:8px;font-size:${time.size}px;color:${preset.timeColor};text-transform:uppercase}
.skin-insta .line{gap:${face.gap}px;width:100%}.skin-insta .msg.me .line{justify-content:flex-end}
.skin-insta .msg>.line>.avatar,.skin-insta .gutter{width:${face.size}px;height:${face.size}px;border-radius:50%}
.skin-insta .gutter{height:1px}
.skin-insta .bubble{line-height:1.5;padding:${padY}px ${padX}px;max-width:${phone.bubbleMax * 100}%}
.skin-insta .bubble .text{font-size:${text.size}px;line-height:${+(text.line / text.size).toFixed(2)}}
${tailedBubbles("insta", preset.bubble.me.radius, phone)}
.skin-insta .seen{font-size:${read!.size}px;color:${read!.color};margin:4px 4px 0 0}
.skin-insta .divider{padding:12px 0}
.skin-insta .divider>span{font-size:${divider.text.size}px;color:${divider.text.color};text-transform:uppercase;letter-spacing:.05em}
.skin-insta .inputbar{border-top:.5px solid ${phone.header.rule};gap:12px;color:#262626}
.skin-insta .inputbar .tool{width:32px;height:32px}
.skin-insta .inputbar .tool:first-child{width:40px;height:40px;border:1.5px solid #DBDBDB}
.skin-insta .inputbar .field{height:40px;border-radius:20px;border:1px solid #DBDBDB;padding:0 16px}
.skin-insta .home{color:#000}
`;

/** A clock as the app writes it. */
const clockText = ({ pm, hour, minute }: Clock) => `${pm ? "오후" : "오전"} ${hour}:${minute}`;

export const insta: Skin = {
  preset,
  phone,
  header,
  input: { before: ["camera"], placeholder: () => "Message...", after: ["mic", "image", "heart"] },
  themed: { bubblePadding: false, bubbleColours: true },
  css,

  item({ message, first, last, author, look }, classes) {
    const me = message.role === "me";
    const separator =
      first && message.datetime !== ""
        ? markup`<time class="separator">${timeText(message.datetime, clockText)}</time>`
        : null;
    const gutter = me ? null : first ? avatar(author) : markup`<span class="gutter"></span>`;
    const seen = me && last && look.showReadStatus ? markup`<span class="seen">Seen</span>` : null;
    return markup`<li class="${classes}">
      ${separator}
      <div class="line">${gutter}${bubble(message)}</div>
      ${seen}
    </li>`;
  },

  row(kit, message, first, last) {
    const { look, px, size } = kit;
    const me = message.role === "me";
    const widest = Math.min(size.width * phone.bubbleMax, phone.bubbleMaxPx ?? Number.POSITIVE_INFINITY);
    const lines = kit.linesOf(message.text, widest - 2 * padX, text.size);
    const separator =
      first && message.datetime !== "" ? kit.stamp(timeText(message.datetime, clockText)) : null;
    const seen = me && last && look.showReadStatus;
    const bubbleHeight = lines.length * text.line + 2 * padY;
    const gutter = me
      ? null
      : el("div", { width: px(face.size), marginRight: px(face.gap), flexShrink: 0 }, [
          ...(first ? [kit.avatar(kit.nameOf(message), face.size, face.radius)] : []),
        ]);
    const height =
      (separator ? time.line + 8 : 0) +
      Math.max(bubbleHeight, first && !me ? face.size : 0) +
      (seen ? time.line + 4 : 0) +
      (last ? phone.lastGap : phone.gap);
    return kit.rowOf(
      height,
      { flexDirection: "column", alignItems: me ? "flex-end" : "flex-start" },
      kids(
        separator !== null &&
          kit.text(separator, time, {
            alignSelf: "stretch",
            justifyContent: "center",
            marginBottom: px(8),
            color: preset.timeColor,
          }),
        el(
          "div",
          { alignItems: "flex-end", flexShrink: 0 },
          kids(gutter, kit.bubble(message, lines, { first, last })),
        ),
        seen && kit.text("Seen", time, { color: read!.color, marginTop: px(4), marginRight: px(4) }),
      ),
      last,
    );
  },
};
