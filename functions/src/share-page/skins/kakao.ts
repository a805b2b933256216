// KakaoTalk: rounded-square avatars, yellow and white bubbles with tails, the read `1` stacked over
// the time beside a group's last bubble; search and menu icons in a slate header.
import { widthEm } from "../card/text.js";
import { el, kids, oneLine } from "../card/tree.js";
import { markup } from "../html.js";
import type { PhoneLook, Preset } from "../look.js";
import { avatar, bubble, timeText, type Clock } from "../page-parts.js";
import { chromeCss, LINE_PILL, tailedBubbles, type HeaderChrome, type Skin } from "./skin.js";

const preset: Preset = {
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
};

const phone: PhoneLook = {
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
  chatTop: 8,
};

const header: HeaderChrome = {
  back: "chevron-left",
  backSize: 28,
  tools: ["search", "ellipsis-vertical"],
  icon: { size: 22, color: "#FFFFFF" },
  gap: 16,
};

const INPUT_ICON = "#999999";
const { avatar: face, name, time, read, text, divider } = phone;

const css = `
.skin-kakao{background:${preset.background};--behind:${preset.background}}
.skin-kakao .statusbar,.skin-kakao .room{background:${preset.headerBg};color:${preset.headerText}}
.skin-kakao .room{height:${phone.header.height}px;padding:8px 12px}
${chromeCss("kakao", header, preset.headerBg)}
.skin-kakao .msg{padding:0 ${phone.inset}px;align-items:flex-end}
.skin-kakao .msg>.avatar,.skin-kakao .gutter{width:${face.size}px;height:${face.size}px;border-radius:${face.radius}px;margin-right:${face.gap}px}
.skin-kakao .gutter{height:1px}
.skin-kakao .body{max-width:${phone.bubbleMax * 100}%}
.skin-kakao .msg.me .line{flex-direction:row-reverse}
.skin-kakao .name{font-size:${name.size}px;color:${preset.nameColor};margin:0 0 ${name.gap}px 2px}
.skin-kakao .bubble{line-height:1.5;box-shadow:${phone.shadow}}
.skin-kakao .bubble .text{font-size:${text.size}px;line-height:${text.line / text.size}}
${tailedBubbles("kakao", preset.bubble.me.radius, phone)}
.skin-kakao .stamp{display:flex;flex-direction:column;align-items:flex-start;flex:none;white-space:nowrap}
.skin-kakao .msg.me .stamp{align-items:flex-end}
.skin-kakao .read{font-size:${read!.size}px;line-height:${time.line}px;font-weight:500;color:${read!.color}}
.skin-kakao time{font-size:${time.size}px;line-height:${time.line}px;font-weight:300;color:${preset.timeColor};white-space:normal}
.skin-kakao .divider{padding:8px 0}
.skin-kakao .divider>span{background:${divider.pill!.bg};border-radius:${divider.pill!.radius}px;padding:${divider.pill!.padding[0]}px ${divider.pill!.padding[1]}px;color:${divider.text.color}}
.skin-kakao .divider>span>span{font-size:${divider.text.size}px}
.skin-kakao .inputbar{background:#fff;border-top:1px solid #E5E5E5;color:${INPUT_ICON}}
.skin-kakao .inputbar .tool:first-child,.skin-kakao .inputbar .field{background:#F5F5F5}
.skin-kakao .placeholder{font-size:14px}
.skin-kakao .home{background:#fff;color:#000}
`;

/** A clock as the app writes it. */
const clockText = ({ pm, hour, minute }: Clock) => `${pm ? "오후" : "오전"} ${hour}:${minute}`;

export const kakao: Skin = {
  preset,
  phone,
  header,
  input: { before: ["plus"], placeholder: () => "메시지 입력", after: ["smile", "hash"] },
  themed: { bubblePadding: true, bubbleColours: true },
  css,

  item({ message, first, last, author, look }, classes) {
    const me = message.role === "me";
    const stamp =
      last && look.showTime
        ? markup`<span class="stamp"
            >${me && look.showReadStatus ? markup`<span class="read">1</span>` : null}<time
              >${timeText(message.datetime, clockText)}</time
            ></span
          >`
        : null;
    const gutter = me ? null : first ? avatar(author) : markup`<span class="gutter"></span>`;
    const named = !me && first ? markup`<b class="name">${author?.name ?? ""}</b>` : null;
    return markup`<li class="${classes}">
      ${gutter}
      <div class="body">${named}<div class="line">${bubble(message)}${stamp}</div></div>
    </li>`;
  },

  row(kit, message, first, last) {
    const { look, px, size } = kit;
    const me = message.role === "me";
    const colours = look.bubble[me ? "me" : "other"];
    const bodyMax = (size.width - 2 * phone.inset) * phone.bubbleMax;
    const shown = last && look.showTime;
    const clock = shown ? kit.stamp(timeText(message.datetime, clockText)) : "";
    // The read `1` sits over the time, as on the page.
    const unread = shown && me && look.showReadStatus;
    const stampWidth =
      Math.max(clock ? widthEm(clock) * time.size : 0, unread ? widthEm("1") * read!.size : 0) + 4;
    const lines = kit.linesOf(message.text, bodyMax - stampWidth - 2 * colours.padding[1], text.size);
    const named = !me && first;
    const bubbleHeight = lines.length * text.line + 2 * colours.padding[0];
    const stampHeight = (unread ? time.line : 0) + (clock ? time.line : 0);
    const bodyHeight = Math.max(bubbleHeight, stampHeight) + (named ? name.line + name.gap : 0);
    const height = Math.max(bodyHeight, named ? face.size : 0) + (last ? phone.lastGap : phone.gap);
    const stamped = shown
      ? el(
          "div",
          { flexDirection: "column", alignItems: me ? "flex-end" : "flex-start", flexShrink: 0 },
          kids(
            unread && kit.text("1", { size: read!.size, line: time.line }, { color: read!.color }),
            clock && kit.text(clock, time, { color: preset.timeColor }),
          ),
        )
      : null;
    const body = el(
      "div",
      { flexDirection: "column", alignItems: me ? "flex-end" : "flex-start", maxWidth: px(bodyMax) },
      kids(
        named &&
          kit.text(oneLine(kit.nameOf(message), name.size, bodyMax), name, {
            color: preset.nameColor,
            marginBottom: px(name.gap),
            marginLeft: px(2),
          }),
        el(
          "div",
          { flexDirection: me ? "row-reverse" : "row", alignItems: "flex-end", gap: px(4) },
          kids(kit.bubble(message, lines, { first, last }), stamped),
        ),
      ),
    );
    const gutter = me
      ? null
      : el("div", { width: px(face.size), marginRight: px(face.gap), flexShrink: 0 }, [
          ...(named ? [kit.avatar(kit.nameOf(message), face.size, face.radius)] : []),
        ]);
    return kit.rowOf(
      height,
      { justifyContent: me ? "flex-end" : "flex-start", alignItems: "flex-end" },
      kids(gutter, body),
      last,
    );
  },
};
