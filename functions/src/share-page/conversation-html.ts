// A shared conversation as HTML in its app's look: status bar, header with the chat's title, then
// the messages grouped by author (avatar and name on a group's first message, as chat apps do).
import type { Author, ConversationData, Message, TextMessage } from "../schema.js";
import { markup, type Html } from "./html.js";
import { httpsImageUrl, shownTime, type Look } from "./look.js";

function avatar(author: Author | undefined, look: Look): Html {
  const src = httpsImageUrl(author?.avatarUrl);
  const initial = Array.from(author?.name.trim() ?? "")[0] ?? "?";
  return src
    ? markup`<img
        class="avatar"
        src="${src}"
        alt=""
        width="${look.avatarSize}"
        height="${look.avatarSize}"
        loading="lazy"
        referrerpolicy="no-referrer"
      />`
    : markup`<span class="avatar initial" aria-hidden="true">${initial}</span>`;
}

const isText = (m: Message | undefined): m is TextMessage => m !== undefined && !("type" in m);
const sameGroup = (a: Message | undefined, b: TextMessage) =>
  isText(a) && a.role === b.role && a.authorId === b.authorId && b.role !== "system";

function bubble(message: TextMessage, look: Look): Html {
  const image = httpsImageUrl(message.imageUrl);
  const time =
    look.showTime && message.datetime !== "" ? markup`<time>${shownTime(message.datetime)}</time>` : null;
  const photo = image
    ? markup`<img class="photo" src="${image}" alt="" loading="lazy" referrerpolicy="no-referrer" />`
    : null;
  const text = message.text === "" && photo ? null : markup`<span class="text">${message.text}</span>`;
  // Telegram and Discord keep the time inside the message; KakaoTalk and Instagram beside the bubble.
  if (look.skin === "telegram")
    return markup`<div class="line"><p class="bubble">${photo}${text}${time}</p></div>`;
  return markup`<div class="line">
    <p class="bubble">${photo}${text}</p>
    ${look.skin === "discord" ? null : time}
  </div>`;
}

function messageItem(
  message: Message,
  previous: Message | undefined,
  next: Message | undefined,
  data: ConversationData,
  look: Look,
): Html {
  if (!isText(message)) return markup`<li class="divider"><span>${message.text}</span></li>`;
  if (message.role === "system") return markup`<li class="system"><span>${message.text}</span></li>`;
  const first = !sameGroup(previous, message);
  const last = !isText(next) || !sameGroup(message, next);
  const author = data.conversation.authors.find((a) => a.id === message.authorId);
  const classes = ["msg", message.role, first ? "first" : "", last ? "last" : ""].filter(Boolean).join(" ");
  if (look.skin === "discord") {
    // Discord draws everyone on the left, a group under one avatar, name and time.
    const meta = first
      ? markup`<div class="meta">
          <b class="name">${author?.name ?? ""}</b
          >${look.showTime ? markup`<time>${shownTime(message.datetime)}</time>` : null}
        </div>`
      : null;
    return markup`<li class="${classes}">
      ${first && look.showAvatar ? avatar(author, look) : markup`<span class="gutter"></span>`}
      <div class="body">${meta}${bubble(message, look)}</div>
    </li>`;
  }
  if (message.role === "me")
    return markup`<li class="${classes}"><div class="body">${bubble(message, look)}</div></li>`;
  // Instagram puts the avatar by a group's last message; KakaoTalk and Telegram by its first.
  const avatarHere = look.showAvatar && (look.skin === "insta" ? last : first);
  const name = first && look.showName ? markup`<b class="name">${author?.name ?? ""}</b>` : null;
  return markup`<li class="${classes}">
    ${look.showAvatar ? (avatarHere ? avatar(author, look) : markup`<span class="gutter"></span>`) : null}
    <div class="body">${name}${bubble(message, look)}</div>
  </li>`;
}

/** The phone: status bar, room header and the messages from `start` up to (not including) `end`. */
export function conversationHtml(data: ConversationData, look: Look, start: number, end: number): Html {
  const { conversation, statusBar } = data;
  const messages = conversation.messages;
  // Neighbours come from the whole conversation, so a group split by a page break keeps its shape.
  const items = messages
    .slice(start, end)
    .map((m, i) => messageItem(m, messages[start + i - 1], messages[start + i + 1], data, look));
  const badge =
    look.skin === "discord" && conversation.unreadCount > 0
      ? markup`<span class="badge" aria-label="안 읽은 메시지 ${conversation.unreadCount}개"
          >${conversation.unreadCount > 99 ? "99+" : conversation.unreadCount}</span
        >`
      : null;
  const other = conversation.authors.find((a) => a.id !== "me");
  const headerAvatar = look.skin === "insta" ? avatar(other, look) : null;
  return markup`<div class="phone skin-${look.skin}${look.shorts ? " shorts" : ""}">
    <div class="statusbar" aria-hidden="true">
      <span>${statusBar.time}</span
      ><span class="icons"
        >${statusBar.isWifi ? "Wi-Fi" : "LTE"}
        <span class="battery">${Math.round(statusBar.battery)}%</span></span
      >
    </div>
    <header class="room">
      <span class="back" aria-hidden="true">‹</span>${badge}${headerAvatar}
      <h1>${conversation.title}</h1>
    </header>
    <ol class="chat">
      ${items}
    </ol>
  </div>`;
}
