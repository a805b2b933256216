// What `/s/{code}` answers: the conversation in its look, the password form, or a styled 404/410.
// Every way in goes through unlockShare, so the page has openShare's rules and limits.
import { DomainError } from "../common/errors.js";
import type { HttpAnswer } from "./answer.js";
import { SHARE_LIMITS, shareCode, sharePasswordAttempt, type ConversationData } from "../schema.js";
import type { ShareCaller, ShareDeps } from "../shares/deps.js";
import { shareUrl, type StoredShare } from "../shares/documents.js";
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
}

export type PageResponse = HttpAnswer<string>;

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

function passwordForm(deps: PageDeps, code: string, status: number, error: string | null): PageResponse {
  const form = markup`${error ? markup`<p class="error" role="alert">${error}</p>` : null}
    <form method="post" action="/s/${code}">
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

function conversationPage(
  deps: PageDeps,
  code: string,
  share: StoredShare,
  content: ConversationData,
  password: string | undefined,
): PageResponse {
  const look = lookOf(content);
  const url = shareUrl(deps.baseUrl, code);
  const protectedShare = password !== undefined;
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
  const beacon = protectedShare
    ? null
    : markup`<img class="beacon" src="/s/${code}/seen?r=${deps.now().getTime()}" alt="" width="1" height="1" />`;
  const title = share.title || content.conversation.title || SITE_TITLE;
  return respond(
    deps,
    200,
    protectedShare ? PRIVATE : `public, max-age=${PUBLIC_PAGE_MAX_AGE_S}, s-maxage=${PUBLIC_PAGE_MAX_AGE_S}`,
    {
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
        ${conversationHtml(content, look)}
        <nav class="actions">${download}${copy}</nav>
        ${madeWith(deps)}${beacon}
      </main>`,
    },
  );
}

/** The page for one request; never throws a DomainError (each becomes its page). */
export async function sharePageAnswer(
  deps: PageDeps,
  caller: ShareCaller,
  request: PageRequest,
): Promise<PageResponse> {
  const { code, password } = request;
  // An odd path never reaches Firestore.
  if (!shareCode.safeParse(code).success) return notFound(deps, code);
  // A password that cannot be right costs no guess.
  if (password !== undefined && !sharePasswordAttempt.safeParse(password).success) {
    return passwordForm(
      deps,
      code,
      400,
      `비밀번호는 ${SHARE_LIMITS.passwordAttemptMinChars}자에서 ${SHARE_LIMITS.passwordMaxChars}자 사이예요.`,
    );
  }
  try {
    const { share, content } = await unlockShare(deps, caller, code, password);
    // A submitted password is a person; a plain GET is one unless its agent is a crawler's.
    if (password !== undefined) await countView(deps.db, code, share.expiresAt);
    else await countPageView(deps.db, code, share.expiresAt, request.userAgent);
    return conversationPage(deps, code, share, content, password);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    switch (error.reason) {
      case "password-required":
        return passwordForm(deps, code, 200, null);
      case "wrong-password":
        return passwordForm(deps, code, statusOf(error), "비밀번호가 맞지 않아요.");
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
        const page =
          password !== undefined
            ? passwordForm(
                deps,
                code,
                statusOf(error),
                `시도가 너무 많아요. ${Math.ceil(retry / 60)}분 뒤에 다시 해 보세요.`,
              )
            : notice(deps, code, statusOf(error), "잠시 후 다시 열어 주세요", "요청이 너무 많아요.");
        page.headers["Retry-After"] = String(retry);
        return page;
      }
      default:
        return notFound(deps, code);
    }
  }
}
