// Discord: a dark room whose header has the unread badge and round call and video buttons; plain
// rows with the avatar, name and `Today at 7:02 PM` once per group, from the top of the chat.
import { el, kids, oneLine } from "../card/tree.js";
import { markup } from "../html.js";
import type { PhoneLook, Preset } from "../look.js";
import { avatar, bubble, timeText, type Clock } from "../page-parts.js";
import { chromeCss, type HeaderChrome, type Skin } from "./skin.js";

const preset: Preset = {
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
};

const phone: PhoneLook = {
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
  chatTop: 10,
  fromTop: true,
};

/** Discord's buttons and fields. */
const BUTTON = "#25272E";
const ICON = "#C7C8CE";

const header: HeaderChrome = {
  back: "arrow-left",
  backSize: 20,
  tools: ["phone", "video"],
  toolButton: { size: 33, bg: BUTTON },
  icon: { size: 17, color: ICON },
  gap: 12,
  badge: true,
  online: { color: "#23A55A", size: 10, ring: 3 },
};

const { avatar: face, name, time, text, divider } = phone;

const css = `
.skin-discord{background:${preset.background};color:#fff;--behind:${preset.background}}
.skin-discord .statusbar{height:47px;padding:14px 27px 0}
.skin-discord .statusbar,.skin-discord .room{background:${preset.headerBg};color:#fff}
.skin-discord .room{height:${phone.header.height}px;padding:0 12px;border-bottom:1px solid ${phone.header.rule}}
${chromeCss("discord", header, preset.headerBg)}
.skin-discord .room .back{color:${ICON}}
.skin-discord .room .who{flex:1}
.skin-discord .room .avatar{width:${phone.header.avatar}px;height:${phone.header.avatar}px;border-radius:50%}
.skin-discord .room h1{color:${preset.headerText}}
.skin-discord .chat{padding:${phone.chatTop}px;justify-content:flex-start}
.skin-discord .msg,.skin-discord .msg.last{padding:0 ${phone.inset}px;margin:0;align-items:flex-start;justify-content:flex-start}
.skin-discord .msg.first{margin-top:8px}
.skin-discord .msg>.avatar{width:${face.size}px;height:${face.size}px;border-radius:26.67px}
.skin-discord .body,.skin-discord .msg.me .body{flex:1;margin-left:${face.size + face.gap}px;padding:2px 0 6px;gap:${name.gap}px;align-items:stretch}
.skin-discord .msg.first .body{margin-left:${face.gap}px}
.skin-discord .meta{display:flex;align-items:center;gap:11px}
.skin-discord .name{font-size:${name.size}px;font-weight:656;line-height:${name.line}px;letter-spacing:.01em;color:${preset.nameColor}}
.skin-discord .msg.me .name{color:${name.meColor}}
.skin-discord .meta time{padding-left:10px;font-size:${time.size}px;font-weight:457;line-height:${time.line}px;color:${preset.timeColor}}
.skin-discord .bubble{font-size:${text.size}px;font-weight:457;line-height:${text.line}px;color:${preset.bubble.me.text}}
.skin-discord .divider{height:${divider.height}px;padding:12px 10px;align-items:center;gap:8px}
.skin-discord .divider::before,.skin-discord .divider::after{content:"";flex:1;height:1px;background:${divider.rule}}
.skin-discord .divider>span{font-size:${divider.text.size}px;font-weight:457;color:${divider.text.color};letter-spacing:-.02em}
.skin-discord .inputbar{background:${preset.background};border-top:1px solid ${phone.header.rule};padding:12px;gap:7px;color:${ICON}}
.skin-discord .inputbar .tool,.skin-discord .inputbar .field{background:${BUTTON}}
.skin-discord .inputbar .field{height:42px;border-radius:21px;padding:0 10px;gap:6px}
.skin-discord .placeholder{color:#818491;font-size:16px}
.skin-discord .home{color:#fff}
`;

/** A clock as the app writes it. */
const clockText = ({ pm, hour, minute }: Clock) => `Today at ${hour}:${minute} ${pm ? "PM" : "AM"}`;

export const discord: Skin = {
  preset,
  phone,
  header,
  input: {
    before: ["plus", "gamepad-2", "gift"],
    placeholder: (title) => `Message @${title}`,
    inside: ["smile"],
    after: ["mic"],
  },
  themed: { bubblePadding: false, bubbleColours: false },
  css,

  item({ message, first, author, look }, classes) {
    const meta = first
      ? markup`<div class="meta">
          <b class="name">${author?.name ?? ""}</b
          >${look.showTime ? markup`<time>${timeText(message.datetime, clockText)}</time>` : null}
        </div>`
      : null;
    return markup`<li class="${classes}">
      ${first ? avatar(author) : null}
      <div class="body">${meta}${bubble(message)}</div>
    </li>`;
  },

  row(kit, message, first, last) {
    const { look, px, size } = kit;
    const me = message.role === "me";
    const lines = kit.linesOf(message.text, size.width - 2 * phone.inset - face.size - face.gap, text.size);
    const bodyHeight = 2 + (first ? name.line + name.gap : 0) + lines.length * text.line + 6;
    const height = (first ? 8 : 0) + Math.max(bodyHeight, first ? face.size : 0);
    const meta =
      first &&
      el(
        "div",
        { alignItems: "center", gap: px(11), flexShrink: 0, marginBottom: px(name.gap) },
        kids(
          kit.text(oneLine(kit.nameOf(message), name.size, size.width / 2), name, {
            color: me && name.meColor ? name.meColor : preset.nameColor,
            fontWeight: 700,
          }),
          look.showTime &&
            message.datetime !== "" &&
            kit.text(kit.stamp(timeText(message.datetime, clockText)), time, {
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
        marginLeft: px(first ? face.gap : face.size + face.gap),
        color: preset.bubble.me.text,
      },
      kids(meta, ...lines.map((l) => kit.text(l, text))),
    );
    return kit.rowOf(
      height,
      { alignItems: "flex-start", paddingTop: px(first ? 8 : 0) },
      kids(first && kit.avatar(kit.nameOf(message), face.size, face.radius), body),
      last,
    );
  },
};
