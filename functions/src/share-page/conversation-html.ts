// A shared conversation as HTML, drawn as the SPA's preview draws each app's phone: status bar,
// room header, the messages, an inert input bar and the home indicator. Messages are grouped as the
// SPA groups them (consecutive messages of one side), the time on a group's last. docs/share-page.md
// lists what each skin takes from the theme and what it draws as the app does regardless.
import type { Author, ConversationData, Message, PlatformSkin, TextMessage } from "../schema.js";
import { markup, type Html } from "./html.js";
import { httpsImageUrl, shownTime, type Look } from "./look.js";

/**
 * An avatar image over the author's initial. A picture that fails to load draws the initial again
 * in its ::before (browsers render that only for a broken image), hiding the broken-image icon.
 */
function avatar(author: Author | undefined): Html {
  const src = httpsImageUrl(author?.avatarUrl);
  const initial = Array.from(author?.name.trim() ?? "")[0] ?? "?";
  return markup`<span class="avatar" aria-hidden="true"
    ><span class="initial">${initial}</span
    >${src ? markup`<img src="${src}" alt="" data-initial="${initial}" loading="lazy" referrerpolicy="no-referrer" />` : null}</span
  >`;
}

export const isText = (m: Message | undefined): m is TextMessage => m !== undefined && !("type" in m);
// The SPA's rule: one side's consecutive messages are a group, whoever wrote them.
export const sameGroup = (a: Message | undefined, b: TextMessage) =>
  isText(a) && a.role === b.role && b.role !== "system";

/** Each app's way of writing "오후 7:02". */
export function timeText(skin: PlatformSkin, datetime: string): string {
  const shown = shownTime(datetime);
  const clock = /^(오전|오후) (\d{1,2}):(\d{2})$/.exec(shown);
  if (!clock) return shown;
  if (skin === "telegram") return `${clock[2]}:${clock[3]}`;
  if (skin === "discord") return `Today at ${clock[2]}:${clock[3]} ${clock[1] === "오후" ? "PM" : "AM"}`;
  return shown;
}

function bubble(message: TextMessage, inside: Html | null = null): Html {
  const image = httpsImageUrl(message.imageUrl);
  const photo = image
    ? markup`<img class="photo" src="${image}" alt="" loading="lazy" referrerpolicy="no-referrer" />`
    : null;
  const text = message.text === "" && photo ? null : markup`<span class="text">${message.text}</span>`;
  return markup`<p class="bubble">${photo}${text}${inside}</p>`;
}

interface Place {
  message: TextMessage;
  first: boolean;
  last: boolean;
  author: Author | undefined;
  look: Look;
}

function kakaoItem({ message, first, last, author, look }: Place, classes: string): Html {
  const me = message.role === "me";
  const time =
    last && look.showTime
      ? markup`<span class="stamp"
          >${me && look.showReadStatus ? markup`<span class="read">1</span>` : null}<time
            >${timeText("kakao", message.datetime)}</time
          ></span
        >`
      : null;
  const face = me ? null : first ? avatar(author) : markup`<span class="gutter"></span>`;
  const name = !me && first ? markup`<b class="name">${author?.name ?? ""}</b>` : null;
  return markup`<li class="${classes}">
    ${face}
    <div class="body">${name}<div class="line">${bubble(message)}${time}</div></div>
  </li>`;
}

function telegramItem({ message, look }: Place, classes: string): Html {
  const me = message.role === "me";
  const checks = me && look.showReadStatus ? markup`<span class="checks"></span>` : null;
  const time = markup`<span class="stamp"><time>${timeText("telegram", message.datetime)}</time>${checks}</span>`;
  return markup`<li class="${classes}">${bubble(message, time)}</li>`;
}

function instaItem({ message, first, last, author, look }: Place, classes: string): Html {
  const me = message.role === "me";
  const time =
    first && message.datetime !== ""
      ? markup`<time class="separator">${timeText("insta", message.datetime)}</time>`
      : null;
  const face = me ? null : first ? avatar(author) : markup`<span class="gutter"></span>`;
  const seen = me && last && look.showReadStatus ? markup`<span class="seen">Seen</span>` : null;
  return markup`<li class="${classes}">
    ${time}
    <div class="line">${face}${bubble(message)}</div>
    ${seen}
  </li>`;
}

function discordItem({ message, first, author, look }: Place, classes: string): Html {
  const meta = first
    ? markup`<div class="meta">
        <b class="name">${author?.name ?? ""}</b
        >${look.showTime ? markup`<time>${timeText("discord", message.datetime)}</time>` : null}
      </div>`
    : null;
  return markup`<li class="${classes}">
    ${first ? avatar(author) : null}
    <div class="body">${meta}${bubble(message)}</div>
  </li>`;
}

const ITEMS: Record<PlatformSkin, (place: Place, classes: string) => Html> = {
  kakao: kakaoItem,
  telegram: telegramItem,
  insta: instaItem,
  discord: discordItem,
};

function messageItem(
  message: Message,
  previous: Message | undefined,
  next: Message | undefined,
  data: ConversationData,
  look: Look,
): Html {
  // The pill holds the line's height, its inner text the smaller type (as the apps lay them out).
  if (!isText(message)) return markup`<li class="divider"><span><span>${message.text}</span></span></li>`;
  if (message.role === "system") return markup`<li class="system"><span>${message.text}</span></li>`;
  const first = !sameGroup(previous, message);
  const last = !isText(next) || !sameGroup(message, next);
  const author = data.conversation.authors.find((a) => a.id === message.authorId);
  const classes = ["msg", message.role, first ? "first" : "", last ? "last" : ""].filter(Boolean).join(" ");
  return ITEMS[look.skin]({ message, first, last, author, look }, classes);
}

/** The iOS status bar: time, signal, Wi-Fi (or LTE) and battery, drawn in CSS. */
function statusBar({ time, isWifi, battery }: ConversationData["statusBar"]): Html {
  const level = Math.max(0, Math.min(100, Math.round(battery)));
  return markup`<div class="statusbar" aria-hidden="true">
    <span class="clock">${time.replace(/^오[전후]\s?/, "")}</span>
    <span class="icons"
      ><span class="signal"><i></i><i></i><i></i><i></i></span
      >${isWifi ? markup`<span class="wifi"></span>` : markup`<span class="lte">LTE</span>`}<span
        class="battery"
        ><i class="level-${Math.round(level / 10)}"></i></span
    ></span>
  </div>`;
}

/** The room header as each app draws it (the other person's avatar, the title, inert icons). */
function header(data: ConversationData, look: Look): Html {
  const { conversation } = data;
  const other = conversation.authors.find((a) => a.id !== "me");
  const badge =
    look.skin === "discord" && conversation.unreadCount > 0
      ? markup`<span class="badge" aria-label="안 읽은 메시지 ${conversation.unreadCount}개"
          >${conversation.unreadCount > 99 ? "99+" : conversation.unreadCount}</span
        >`
      : null;
  const subtitle = look.skin === "telegram" ? "online" : look.skin === "insta" ? "Active now" : null;
  return markup`<header class="room">
    <span class="back" aria-hidden="true"></span>${badge}
    <span class="who">
      ${avatar(other)}
      <span class="titles"
        ><h1>${conversation.title}</h1>${subtitle ? markup`<small>${subtitle}</small>` : null}</span
      >
    </span>
    <span class="tools" aria-hidden="true"><i></i><i></i></span>
  </header>`;
}

/** The phone: status bar, room header and the messages from `start` up to (not including) `end`. */
export function conversationHtml(data: ConversationData, look: Look, start: number, end: number): Html {
  const messages = data.conversation.messages;
  // Neighbours come from the whole conversation, so a group split by a page break keeps its shape.
  const items = messages
    .slice(start, end)
    .map((m, i) => messageItem(m, messages[start + i - 1], messages[start + i + 1], data, look));
  return markup`<div class="phone skin-${look.skin}${look.shorts ? " shorts" : ""}">
    ${statusBar(data.statusBar)} ${header(data, look)}
    <ol class="chat">
      ${items}
    </ol>
    <div class="inputbar" aria-hidden="true"><i></i><span class="field"></span><i></i></div>
    <div class="home" aria-hidden="true"><i></i></div>
  </div>`;
}
