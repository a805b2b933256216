// Each skin's page chrome as the SPA's preview draws it: the header's icons (Lucide, inline SVG),
// Telegram's `Back` and avatar beside its title, the input bar's icons and placeholder, and nothing
// of the conversation reaching the markup unescaped.
import { describe, expect, it } from "vitest";
import type { ConversationData, PlatformSkin } from "../../client/src/index.js";
import { conversationHtml } from "../../functions/src/share-page/conversation-html.js";
import { lookOf } from "../../functions/src/share-page/look.js";
import { pageCss } from "../../functions/src/share-page/styles.js";
import { conversationData } from "../support/conversation-data.js";

function pageOf(skin: PlatformSkin, title = "민지"): { html: string; css: string } {
  const data: ConversationData = conversationData(4);
  data.conversation.platformSkin = skin;
  data.conversation.title = title;
  data.theme = { id: skin, name: skin };
  const look = lookOf(data);
  return { html: String(conversationHtml(data, look, 0, 4)), css: pageCss(look) };
}

/** The markup between an element's opening tag with `cls` and the next element of that tag's close. */
const part = (html: string, open: RegExp, close: string) => {
  const start = html.search(open);
  return start < 0 ? "" : html.slice(start, html.indexOf(close, start));
};
const headerOf = (html: string) => part(html, /<header class="room">/, "</header>");
const inputOf = (html: string) => part(html, /<div class="inputbar"/, '<div class="home"');
const icons = (html: string) => [...html.matchAll(/class="icon icon-([a-z0-9-]+)"/g)].map((m) => m[1]);

describe("each skin's header and input bar on the page", () => {
  it.each([
    ["kakao", ["chevron-left", "search", "ellipsis-vertical"], ["plus", "smile", "hash"], "메시지 입력"],
    [
      "discord",
      ["arrow-left", "phone", "video"],
      ["plus", "gamepad-2", "gift", "smile", "mic"],
      "Message @민지",
    ],
    ["telegram", ["chevron-left", "ellipsis-vertical"], ["paperclip", "smile", "mic"], "Message"],
    ["insta", ["chevron-left", "phone", "video"], ["camera", "mic", "image", "heart"], "Message..."],
  ] as const)(
    "%s: header icons %j, input icons %j and its placeholder",
    (skin, header, input, placeholder) => {
      const { html } = pageOf(skin);
      expect(icons(headerOf(html))).toEqual(header);
      expect(icons(inputOf(html))).toEqual(input);
      expect(inputOf(html)).toContain(`<span class="placeholder">${placeholder}</span>`);
      // Every icon is drawn: a path, circle, rect or line inside each <svg>.
      for (const svg of html.match(/<svg[\s\S]*?<\/svg>/g) ?? [])
        expect(svg).toMatch(/<(path|circle|rect|line) /);
    },
  );

  it("writes Telegram's `Back` beside its arrow and puts the avatar before the title, as the SPA does", () => {
    const { html, css } = pageOf("telegram");
    const header = headerOf(html);
    expect(header).toMatch(
      /<span class="back"[^>]*><svg[^>]*icon-chevron-left[\s\S]*?<\/svg><span class="back-label">Back<\/span>/,
    );
    expect(header.indexOf('class="avatar"')).toBeLessThan(header.indexOf("<h1>"));
    expect(css).not.toContain(".skin-telegram .room .who{flex-direction:row-reverse");
    expect(css).not.toContain(".skin-telegram .tools{display:none}");
  });

  it.each([
    ["kakao", undefined],
    ["discord", "#23A55A"],
    ["telegram", "#4DCD5E"],
    ["insta", "#44D62C"],
  ] as const)("marks %s's header avatar online as the SPA does (%s)", (skin, colour) => {
    const { html, css } = pageOf(skin);
    expect(headerOf(html)).toMatch(/<span class="face"><span class="avatar"/);
    const dot = /\.room \.face::after\{[^}]*\}/.exec(css)?.[0];
    if (colour === undefined) expect(dot).toBeUndefined();
    else expect(dot).toContain(`background:${colour}`);
  });

  it("stacks KakaoTalk's read count over the time", () => {
    const { css } = pageOf("kakao");
    expect(css).toMatch(/\.skin-kakao \.stamp\{[^}]*flex-direction:column/);
    expect(pageOf("kakao").html).toMatch(/<span class="stamp"\s*><span class="read">1<\/span><time/);
  });

  it("escapes the title in Discord's placeholder", () => {
    const { html } = pageOf("discord", `<img src=x onerror=alert(1)>"`);
    expect(inputOf(html)).toContain("Message @&lt;img src=x onerror=alert(1)&gt;&quot;");
    expect(html).not.toContain("<img src=x");
  });

  it("sends each skin's rules only to that skin's page", () => {
    const { css } = pageOf("insta");
    expect(css).toContain(".skin-insta{");
    expect(css).not.toMatch(/\.skin-(kakao|discord|telegram)\b/);
  });
});
