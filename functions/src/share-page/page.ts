// What `/s/{code}` answers: the conversation in its look, the password form, or a styled 404/410.
// Every way in goes through unlockShare, so the page has openShare's rules and limits.
import { DomainError } from "../common/errors.js";
import type { HttpAnswer } from "./answer.js";
import { LIMITS, SHARE_LIMITS, shareCode, sharePasswordAttempt, type ConversationData } from "../schema.js";
import type { ShareCaller, ShareDeps } from "../shares/deps.js";
import { shareUrl } from "../schema.js";
import type { StoredShare } from "../shares/documents.js";
import { unlockShare } from "../shares/open.js";
import { countPageView, countView } from "../shares/views.js";
import { conversationHtml } from "./conversation-html.js";
import { contentSecurityPolicy, markup, pageDocument, type Html, type PreviewTags } from "./html.js";
import { lookOf } from "./look.js";
import { statusOf } from "./status.js";
import { pageCss, PLAIN_CSS } from "./styles.js";

export interface PageDeps extends ShareDeps {
  /** A fresh CSP nonce per response. */
  nonce: () => string;
}

export interface PageRequest {
  /** The path segment after /s/, unchecked. */
  code: string;
  /** Present when the password form was submitted. */
  password?: string | undefined;
  /** Who asked: a link-preview crawler's view never counts. */
  userAgent?: string | undefined;
  /** Which page of a long conversation (1 when absent), from a canonical `?page=N`. */
  page?: number;
}

/** The most pages any share can have: past this a `?page=` is out of range without a read. */
const MAX_PAGES = Math.ceil(LIMITS.messages / SHARE_LIMITS.pageMessages);

/** The address of one page of a share: page 1 is the bare `/s/{code}`. */
export const pagePath = (code: string, page: number) =>
  `/s/${encodeURIComponent(code)}${page > 1 ? `?page=${page}` : ""}`;

/**
 * What a query string on `/s/{code}` means: the page it names when it is exactly the canonical
 * `page=N` (2 ≤ N ≤ MAX_PAGES, digits without a leading zero), else where to redirect: `?page=02`
 * to page 2, anything else to page 1. Decided without reading the share, so an odd query costs the function nothing.
 */
export function pageOfQuery(code: string, query: string): { page: number } | { redirect: string } {
  const asked = Number(/^page=(\d+)$/.exec(query)?.[1] ?? 1);
  const page = asked >= 1 && asked <= MAX_PAGES ? asked : 1;
  return page > 1 && query === `page=${page}` ? { page } : { redirect: pagePath(code, page) };
}

export type PageResponse = HttpAnswer<string>;

/** How many pages a conversation takes: at least one, even when it has no message. */
export const pageCount = (content: ConversationData) =>
  Math.max(1, Math.ceil(content.conversation.messages.length / SHARE_LIMITS.pageMessages));

/**
 * How long Hosting's CDN (and browsers) may keep a public share's page: a revocation, an expiry or
 * the owner's edit shows within this many seconds (docs/share-page.md).
 */
export const PUBLIC_PAGE_MAX_AGE_S = 60;
const DESCRIPTION_CHARS = 150;

const SITE_TITLE = "TalkStudio";
const GENERIC_DESCRIPTION = "TalkStudio로 만든 대화";

/** The first messages as one line: "민지: 안녕 · 나: 반가워", cut at a character boundary. */
export function previewDescription(data: ConversationData): string {
  const names = new Map(data.conversation.authors.map((a) => [a.id, a.name]));
  const lines = data.conversation.messages.flatMap((m) =>
    "type" in m || m.text.trim() === ""
      ? []
      : [
          m.role === "system"
            ? m.text
            : `${names.get(m.authorId) || (m.role === "me" ? "나" : "상대방")}: ${m.text}`,
        ],
  );
  const joined = lines.slice(0, 6).join(" · ").replace(/\s+/g, " ").trim();
  const chars = Array.from(joined);
  return chars.length > DESCRIPTION_CHARS
    ? `${chars.slice(0, DESCRIPTION_CHARS - 1).join("")}…`
    : joined || GENERIC_DESCRIPTION;
}

const cardUrl = (deps: ShareDeps, code: string, share: StoredShare | null) =>
  `${shareUrl(deps.baseUrl, code)}/card.png${share ? `?v=${share.revision}` : ""}`;

function genericPreview(deps: ShareDeps, code: string): PreviewTags {
  return {
    title: SITE_TITLE,
    description: GENERIC_DESCRIPTION,
    url: shareUrl(deps.baseUrl, code),
    image: `${deps.baseUrl}/card.png`,
    imageAlt: "TalkStudio",
  };
}

function respond(
  deps: PageDeps,
  status: number,
  cache: string,
  frame: { css: string; preview: PreviewTags; body: Html },
): PageResponse {
  const nonce = deps.nonce();
  return {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": contentSecurityPolicy(nonce),
      "Cache-Control": cache,
      "X-Robots-Tag": "noindex, nofollow",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    },
    body: pageDocument({ nonce, ...frame }),
  };
}

const PRIVATE = "private, no-store";
const PUBLIC_PAGE_CACHE = `public, max-age=${PUBLIC_PAGE_MAX_AGE_S}, s-maxage=${PUBLIC_PAGE_MAX_AGE_S}`;

/** To a public share's last page: kept as long as the page, since the share may grow. */
const lastPageRedirect = (location: string): PageResponse => ({
  status: 302,
  headers: { Location: location, "Cache-Control": PUBLIC_PAGE_CACHE, "X-Robots-Tag": "noindex, nofollow" },
  body: "",
});
const madeWith = (deps: ShareDeps) =>
  markup`<p class="made">TalkStudio로 만든 대화 · <a href="${deps.baseUrl}/">나도 만들기</a></p>`;

function notice(
  deps: PageDeps,
  code: string,
  status: number,
  title: string,
  text: string,
  extra: Html | null = null,
): PageResponse {
  // Errors are never cached: a share that comes back (or a wrong guess) must not stick.
  return respond(deps, status, PRIVATE, {
    css: PLAIN_CSS,
    preview: genericPreview(deps, code),
    body: markup`<main>
      <section class="notice">
        <h1>${title}</h1>
        <p>${text}</p>
        ${extra}
      </section>
      ${madeWith(deps)}
    </main>`,
  });
}

const notFound = (deps: PageDeps, code: string) =>
  notice(deps, code, 404, "대화를 찾을 수 없어요", "링크가 정확한지 확인해 주세요.");

function passwordForm(
  deps: PageDeps,
  code: string,
  page: number,
  status: number,
  error: string | null,
): PageResponse {
  // The form posts to the page that was asked for, so a link to page 3 opens page 3.
  const form = markup`${error ? markup`<p class="error" role="alert">${error}</p>` : null}
    <form method="post" action="${pagePath(code, page)}">
      <label for="password">비밀번호</label>
      <input
        id="password"
        name="password"
        type="password"
        autocomplete="current-password"
        required
        minlength="${SHARE_LIMITS.passwordAttemptMinChars}"
        maxlength="${SHARE_LIMITS.passwordMaxChars}"
        autofocus
      />
      <button class="button" type="submit">대화 보기</button>
    </form>`;
  return notice(
    deps,
    code,
    status,
    "비밀번호로 보호된 대화",
    "공유한 사람에게 받은 비밀번호를 입력하세요.",
    form,
  );
}

/**
 * "이전 · N / M · 다음" between pages: plain links, or for a protected share forms that re-send the
 * password (as the download does), since a link would ask for it again.
 */
function pageNav(code: string, page: number, pages: number, password: string | undefined): Html | null {
  if (pages === 1) return null;
  const to = (target: number, label: string, rel: string) =>
    password === undefined
      ? markup`<a class="button secondary" href="${pagePath(code, target)}" rel="${rel}">${label}</a>`
      : markup`<form method="post" action="${pagePath(code, target)}">
          <input type="hidden" name="password" value="${password}" /><button
            class="button secondary"
            type="submit"
          >
            ${label}
          </button>
        </form>`;
  return markup`<nav class="pages" aria-label="페이지">
    ${page > 1 ? to(page - 1, "이전", "prev") : null}
    <span class="count">${page} / ${pages}</span>
    ${page < pages ? to(page + 1, "다음", "next") : null}
  </nav>`;
}

function conversationPage(
  deps: PageDeps,
  code: string,
  page: number,
  share: StoredShare,
  content: ConversationData,
  password: string | undefined,
): PageResponse {
  const look = lookOf(content);
  const url = shareUrl(deps.baseUrl, code);
  const protectedShare = password !== undefined;
  const first = (page - 1) * SHARE_LIMITS.pageMessages;
  // A protected share's download re-sends the password the viewer just typed (this page is never cached).
  const download = share.allowDownload
    ? protectedShare
      ? markup`<form method="post" action="/s/${code}/download">
          <input type="hidden" name="password" value="${password}" /><button class="button" type="submit">
            이미지 받기
          </button>
        </form>`
      : markup`<a class="button" href="/s/${code}/download" download>이미지 받기</a>`
    : null;
  const copy = protectedShare
    ? null
    : markup`<a class="button secondary" href="${deps.baseUrl}/?copy=${code}">내 계정에 복사</a>`;
  // The render counted this view; copies the CDN serves later count through this image, which
  // carries the render's time (crawlers load no images, and their agents never count).
  const beacon =
    protectedShare || page > 1
      ? null
      : markup`<img class="beacon" src="/s/${code}/seen?r=${deps.now().getTime()}" alt="" width="1" height="1" />`;
  const title = share.title || content.conversation.title || SITE_TITLE;
  return respond(deps, 200, protectedShare ? PRIVATE : PUBLIC_PAGE_CACHE, {
    css: `${pageCss(look)}.beacon{position:absolute;width:1px;height:1px;opacity:0}`,
    preview: protectedShare
      ? genericPreview(deps, code)
      : {
          title,
          description: previewDescription(content),
          url,
          image: cardUrl(deps, code, share),
          imageAlt: `${title} 대화 미리보기`,
        },
    body: markup`<main>
        ${conversationHtml(content, look, first, first + SHARE_LIMITS.pageMessages)}
        ${pageNav(code, page, pageCount(content), password)}
        <nav class="actions">${download}${copy}</nav>
        ${madeWith(deps)}${beacon}
      </main>`,
  });
}

/** The page for one request; never throws a DomainError (each becomes its page). */
export async function sharePageAnswer(
  deps: PageDeps,
  caller: ShareCaller,
  request: PageRequest,
): Promise<PageResponse> {
  const { code, password } = request;
  const page = request.page ?? 1;
  // An odd path never reaches Firestore.
  if (!shareCode.safeParse(code).success) return notFound(deps, code);
  // A password that cannot be right costs no guess.
  if (password !== undefined && !sharePasswordAttempt.safeParse(password).success) {
    return passwordForm(
      deps,
      code,
      page,
      400,
      `비밀번호는 ${SHARE_LIMITS.passwordAttemptMinChars}자에서 ${SHARE_LIMITS.passwordMaxChars}자 사이예요.`,
    );
  }
  try {
    const { share, content } = await unlockShare(deps, caller, code, password);
    const pages = pageCount(content);
    // A page past the end (the share got shorter, or a guessed number) is the last one: a GET is
    // sent there; a POST shows it, since a redirect would drop the password.
    if (page > pages && password === undefined) return lastPageRedirect(pagePath(code, pages));
    // A viewer counts once, on the first page: turning pages is the same viewer. A submitted
    // password is a person; a plain GET is one unless its agent is a crawler's.
    if (page === 1 && password !== undefined) await countView(deps.db, code, share.expiresAt);
    else if (page === 1) await countPageView(deps.db, code, share.expiresAt, request.userAgent);
    return conversationPage(deps, code, Math.min(page, pages), share, content, password);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    switch (error.reason) {
      case "password-required":
        return passwordForm(deps, code, page, 200, null);
      case "wrong-password":
        return passwordForm(deps, code, page, statusOf(error), "비밀번호가 맞지 않아요.");
      case "share-expired":
      case "share-revoked":
        return notice(
          deps,
          code,
          statusOf(error),
          "더 이상 볼 수 없는 대화예요",
          error.reason === "share-expired" ? "공유 기간이 끝났어요." : "공유한 사람이 링크를 끊었어요.",
        );
      case "rate-limited": {
        const retry = Number(error.extra.retryAfterSeconds ?? 60);
        const answer =
          password !== undefined
            ? passwordForm(
                deps,
                code,
                page,
                statusOf(error),
                `시도가 너무 많아요. ${Math.ceil(retry / 60)}분 뒤에 다시 해 보세요.`,
              )
            : notice(deps, code, statusOf(error), "잠시 후 다시 열어 주세요", "요청이 너무 많아요.");
        answer.headers["Retry-After"] = String(retry);
        return answer;
      }
      default:
        return notFound(deps, code);
    }
  }
}
