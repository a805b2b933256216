// What every skin's page markup is made of (skins/<skin>.ts put them together their app's way): an
// avatar, a bubble, the grouping rule, and the time as each app writes it.
import type { Author, Message, TextMessage } from "../schema.js";
import { markup, type Html } from "./html.js";
import type { Look } from "./look.js";
import { httpsImageUrl } from "./theme-values.js";

/** A message in its group, as a skin's `item` draws it. */
export interface Place {
  message: TextMessage;
  first: boolean;
  last: boolean;
  author: Author | undefined;
  look: Look;
}

/**
 * An avatar image over the author's initial. A picture that fails to load draws the initial again
 * in its ::before (browsers render that only for a broken image), hiding the broken-image icon.
 */
export function avatar(author: Author | undefined): Html {
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

export function bubble(message: TextMessage, inside: Html | null = null): Html {
  const image = httpsImageUrl(message.imageUrl);
  const photo = image
    ? markup`<img class="photo" src="${image}" alt="" loading="lazy" referrerpolicy="no-referrer" />`
    : null;
  const text = message.text === "" && photo ? null : markup`<span class="text">${message.text}</span>`;
  return markup`<p class="bubble">${photo}${text}${inside}</p>`;
}

/** A clock the SPA writes as "오후 7:02". */
export interface Clock {
  pm: boolean;
  hour: string;
  minute: string;
}

/** "오후 12:30" out of "2024-12-10 오후 12:30", as the SPA's bubbles show it; other text as it is. */
function shownTime(datetime: string): string {
  const clock = /(오전|오후)\s*(\d{1,2}:\d{2})$/.exec(datetime);
  return clock ? `${clock[1]} ${clock[2]}` : datetime;
}

/** The time of a message in an app's way of writing a clock; free text stays as it is. */
export function timeText(datetime: string, write: (clock: Clock) => string): string {
  const shown = shownTime(datetime);
  const clock = /^(오전|오후) (\d{1,2}):(\d{2})$/.exec(shown);
  return clock ? write({ pm: clock[1] === "오후", hour: clock[2]!, minute: clock[3]! }) : shown;
}
