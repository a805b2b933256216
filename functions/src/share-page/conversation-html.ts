// A shared conversation as HTML, drawn as the SPA's preview draws each app's phone: status bar,
// room header, the messages, an inert input bar and the home indicator. Messages are grouped as the
// SPA groups them (consecutive messages of one side), and each skin's module (skins/<skin>.ts) draws
// a message its app's way. docs/share-page.md lists what each skin takes from the theme.
import type { ConversationData, Message } from "../schema.js";
import { markup, type Html } from "./html.js";
import { iconHtml, type IconName } from "./icons.js";
import type { Look } from "./look.js";
import { avatar, isText, sameGroup } from "./page-parts.js";
import { SKINS } from "./skins/all.js";

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
  return SKINS[look.skin].item({ message, first, last, author, look }, classes);
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

const tools = (names: readonly IconName[] | undefined) =>
  (names ?? []).map((name) => markup`<span class="tool">${iconHtml(name)}</span>`);

/** The room header as each app draws it: back arrow, the other person's avatar and the title, icons. */
function header(data: ConversationData, look: Look): Html {
  const { conversation } = data;
  const { header: chrome, phone } = SKINS[look.skin];
  const other = conversation.authors.find((a) => a.id !== "me");
  const badge =
    chrome.badge && conversation.unreadCount > 0
      ? markup`<span class="badge" aria-label="안 읽은 메시지 ${conversation.unreadCount}개"
          >${conversation.unreadCount > 99 ? "99+" : conversation.unreadCount}</span
        >`
      : null;
  const label = chrome.backLabel ? markup`<span class="back-label">${chrome.backLabel}</span>` : null;
  const subtitle = phone.header.subtitle;
  return markup`<header class="room">
    <span class="back" aria-hidden="true">${iconHtml(chrome.back)}${label}</span>${badge}
    <span class="who">
      <span class="face">${avatar(other)}</span>
      <span class="titles"
        ><h1>${conversation.title}</h1>${subtitle ? markup`<small>${subtitle}</small>` : null}</span
      >
    </span>
    <span class="tools" aria-hidden="true">${tools(chrome.tools)}</span>
  </header>`;
}

/** The inert input bar: the app's icons around a field with its placeholder. */
function inputBar(data: ConversationData, look: Look): Html {
  const { input } = SKINS[look.skin];
  return markup`<div class="inputbar" aria-hidden="true">
    ${tools(input.before)}<span class="field"
      ><span class="placeholder">${input.placeholder(data.conversation.title)}</span>${(
        input.inside ?? []
      ).map((name) => iconHtml(name))}</span
    >${tools(input.after)}
  </div>`;
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
    ${inputBar(data, look)}
    <div class="home" aria-hidden="true"><i></i></div>
  </div>`;
}
