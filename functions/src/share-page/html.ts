// The share page's HTML document around a body: escaping, the `markup` template, the head with its
// preview tags, and the CSP. The bodies (conversation, password form, 404/410) are built by page.ts
// and conversation-html.ts. No script: the page works without any, and the CSP allows none.
import { CARD_HEIGHT, CARD_WIDTH } from "./card/size.js";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text or an attribute value as HTML: everything from a user goes through here. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** A tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}
export function markup(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (item === null || item === undefined || item === false) continue;
      out += item instanceof Html ? item.value : escapeHtml(String(item));
    }
    out += strings[i + 1] ?? "";
  });
  return new Html(out);
}

/**
 * Pretendard's @font-face rules, served by Hosting beside its woff2 subsets (scripts/hosting-fonts.mjs
 * copies them from the npm package), so every viewer gets the same type and the same line breaks.
 */
const FONT_CSS = "/fonts/pretendard-1.3.9/pretendard.css";

export interface PreviewTags {
  title: string;
  description: string;
  /** Absolute URLs. */
  url: string;
  image: string;
  imageAlt: string;
}

export interface PageFrame {
  nonce: string;
  css: string;
  preview: PreviewTags;
  body: Html;
}

/** The whole document. The CSP (set as a header by the caller) allows only this nonce's style. */
export function pageDocument({ nonce, css, preview, body }: PageFrame): string {
  return markup`<!doctype html>
    <html lang="ko">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>${preview.title}</title>
        <meta name="description" content="${preview.description}" />
        <meta property="og:type" content="website" />
        <meta property="og:site_name" content="TalkStudio" />
        <meta property="og:locale" content="ko_KR" />
        <meta property="og:title" content="${preview.title}" />
        <meta property="og:description" content="${preview.description}" />
        <meta property="og:url" content="${preview.url}" />
        <meta property="og:image" content="${preview.image}" />
        <meta property="og:image:type" content="image/png" />
        <meta property="og:image:width" content="${CARD_WIDTH}" />
        <meta property="og:image:height" content="${CARD_HEIGHT}" />
        <meta property="og:image:alt" content="${preview.imageAlt}" />
        <meta name="twitter:card" content="summary_large_image" />
        <meta name="twitter:title" content="${preview.title}" />
        <meta name="twitter:description" content="${preview.description}" />
        <meta name="twitter:image" content="${preview.image}" />
        <link rel="stylesheet" nonce="${nonce}" href="${FONT_CSS}" />
        <style nonce="${nonce}">
          ${new Html(css)}
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html> `.value;
}

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    "font-src 'self'",
    "img-src 'self' https:",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}
