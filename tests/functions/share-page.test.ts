// The share page and its card as a browser or a link-preview crawler gets them: through the Hosting
// emulator's rewrites to the functions in the Functions emulator.
import { Timestamp } from "firebase-admin/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { firestorePaths, RATE_LIMITS, SHARE_LIMITS, type ConversationData } from "../../client/src/index.js";
import { revokeShare } from "../../functions/src/shares/manage.js";
import { adminDb } from "../support/admin.js";
import { conversationData } from "../support/conversation-data.js";
import { clearFirestore } from "../support/emulators.js";
import { HOSTING, passwordShareFor, shareDeps, shareOf } from "../support/shares.js";

const PERSON = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";
const CRAWLERS = {
  KakaoTalk: "facebookexternalhit/1.1; kakaotalk-scrap/1.0; +https://devtalk.kakao.com/",
  Slackbot: "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
  X: "Twitterbot/1.0",
};
// Each test comes from its own address, so the per-address read budget of one never touches another.
let addresses = 0;
const get = (path: string, userAgent = PERSON) =>
  fetch(`${HOSTING}${path}`, {
    headers: { "user-agent": userAgent, "x-forwarded-for": `203.0.113.${++addresses % 250}` },
  });
const post = (path: string, form: Record<string, string>, from = `198.51.100.${++addresses % 250}`) =>
  fetch(`${HOSTING}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": from },
    body: new URLSearchParams(form).toString(),
  });

/** The content of `<meta property|name="key" content="…">`, unescaped as a crawler would. */
function meta(html: string, key: string): string | undefined {
  const tags = html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"\s*\/?>/g);
  const match = [...tags].find((tag) => tag[1] === key)?.slice(1);
  return match?.[1]
    ?.replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#39;/g, "'");
}

async function pendingViews(code: string): Promise<number> {
  const shards = await adminDb().collection(firestorePaths.shareViewShards(code)).get();
  return shards.docs.reduce((sum, d) => sum + (d.get("pending") as number), 0);
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

beforeEach(clearFirestore);

describe("GET /s/{code} of a public share", () => {
  it("is the conversation, with preview tags, a nonce CSP, noindex and a minute of caching", async () => {
    const code = await shareOf();
    const response = await get(`/s/${code}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("x-robots-tag")).toMatch(/noindex/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=60");
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /style-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe-inline");

    const html = await response.text();
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(csp).toContain("font-src 'self'");
    // Compared, not put into a pattern: a base64 nonce may hold "+", which a RegExp would read.
    const [, linkNonce, fontCss] = /<link rel="stylesheet" nonce="([^"]+)" href="([^"]+)"/.exec(html) ?? [];
    expect(linkNonce).toBe(nonce);
    expect(fontCss).toMatch(/^\/fonts\/pretendard-[\d.]+\/pretendard\.css$/);
    expect(html).not.toContain("<script");
    expect(html).toContain("오늘 저녁에 뭐 먹을까? 치킨 어때요 1");
    expect(meta(html, "og:title")).toBe("민지랑 대화");
    expect(meta(html, "og:description")).toMatch(/^나: 오늘 저녁에 뭐 먹을까\? 치킨 어때요 1 · 민지: /);
    expect(meta(html, "og:url")).toBe(`${HOSTING}/s/${code}`);
    expect(meta(html, "og:image")).toBe(`${HOSTING}/s/${code}/card.png?v=1`);
    expect([meta(html, "og:image:width"), meta(html, "og:image:height")]).toEqual(["1200", "630"]);
    expect(meta(html, "twitter:card")).toBe("summary_large_image");
    expect([meta(html, "og:site_name"), meta(html, "og:locale")]).toEqual(["TalkStudio", "ko_KR"]);
    expect(html).toContain(`href="/s/${code}/download"`);
  });

  it("links Pretendard from Hosting: its rules and subsets, cached for a year", async () => {
    const html = await (await get(`/s/${await shareOf()}`)).text();
    const cssPath = /<link rel="stylesheet" nonce="[^"]+" href="([^"]+)"/.exec(html)?.[1] ?? "";
    const css = await get(cssPath);
    expect(css.status).toBe(200);
    expect(css.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const rules = await css.text();
    expect(rules.match(/@font-face/g)?.length).toBeGreaterThan(80);
    // A Hangul subset, by the relative URL the rules use.
    const hangul = /src: url\(\.\/([^)]+\.woff2)\)[^}]+U\+ac00/.exec(rules)?.[1] ?? "none";
    const font = await get(cssPath.replace("pretendard.css", hangul));
    expect(font.status).toBe(200);
    expect(font.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it.each(Object.entries(CRAWLERS))(
    "gives %s's crawler the same tags without counting a view",
    async (_, agent) => {
      const code = await shareOf();
      const html = await (await get(`/s/${code}`, agent)).text();
      expect(meta(html, "og:image")).toBe(`${HOSTING}/s/${code}/card.png?v=1`);
      expect(meta(html, "og:title")).toBe("민지랑 대화");
      // Crawlers do not load the page's images; if one did, the beacon still would not count it.
      expect((await get(`/s/${code}/seen`, agent)).status).toBe(200);
      expect(await pendingViews(code)).toBe(0);
    },
  );

  it("counts a person's view once: at the render, or by the beacon of a copy the CDN served later", async () => {
    const code = await shareOf();
    const html = await (await get(`/s/${code}`)).text();
    expect(await pendingViews(code)).toBe(1);
    const beacon = /<img class="beacon" src="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&") ?? "";
    expect(beacon).toMatch(new RegExp(`^/s/${code}/seen\\?r=\\d+$`));
    // The same viewer's browser loads the beacon at once: already counted by the render.
    expect((await get(beacon)).headers.get("content-type")).toBe("image/gif");
    expect(await pendingViews(code)).toBe(1);
    // A copy cached by the CDN (rendered a minute ago) reaches only the beacon: a new viewer.
    await get(`/s/${code}/seen?r=${Date.now() - 60_000}`);
    expect(await pendingViews(code)).toBe(2);
  });

  it("counts a replayed beacon once per address, and one without its render time never", async () => {
    const code = await shareOf();
    const seen = (query: string) =>
      fetch(`${HOSTING}/s/${code}/seen${query}`, {
        headers: { "user-agent": PERSON, "x-forwarded-for": "203.0.113.251" },
      });
    for (let i = 0; i < 4; i++) expect((await seen(`?r=${Date.now() - 30_000 - i}`)).status).toBe(200);
    expect(await pendingViews(code)).toBe(1);
    await get(`/s/${code}/seen`);
    expect(await pendingViews(code)).toBe(1);
  });

  it("redirects any query to the page itself, cacheably, without reading the share", async () => {
    for (const query of ["?x=1", "?page=2&utm_source=kakao", `?${"a".repeat(500)}`]) {
      const response = await fetch(`${HOSTING}/s/${"b".repeat(22)}${query}`, { redirect: "manual" });
      expect(response.status).toBe(301);
      expect(response.headers.get("location")).toMatch(new RegExp(`/s/${"b".repeat(22)}$`));
      expect(response.headers.get("cache-control")).toBe("public, max-age=86400, s-maxage=86400");
    }
  });

  it(`shows a long conversation ${SHARE_LIMITS.pageMessages} messages a page, linked by 이전 and 다음`, async () => {
    const code = await shareOf(conversationData(450));
    const per = SHARE_LIMITS.pageMessages;
    const items = (html: string) => html.match(/<li class="(?:msg|divider|system)[ "]/g)?.length ?? 0;
    const links = (html: string) =>
      [...html.matchAll(/<a class="button secondary" href="([^"]+)" rel="(prev|next)">/g)].map(
        (m) => `${m[2]} ${m[1]?.replace(/&amp;/g, "&")}`,
      );
    const pages = await Promise.all(
      ["", "?page=2", "?page=3"].map(async (query) => {
        const response = await get(`/s/${code}${query}`, CRAWLERS.X);
        expect(response.status).toBe(200);
        expect(response.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=60");
        return response.text();
      }),
    );
    const [first = "", second = "", third = ""] = pages;
    expect(pages.map(items)).toEqual([per, per, 450 - 2 * per]);
    expect(first).toContain("치킨 어때요 1<");
    expect(first).not.toContain(`치킨 어때요 ${per + 1}<`);
    expect(second).toContain(`치킨 어때요 ${per + 1}<`);
    expect(third).toContain("치킨 어때요 449<");
    expect(pages.map((html) => /<span class="count">([^<]+)<\/span>/.exec(html)?.[1])).toEqual([
      "1 / 3",
      "2 / 3",
      "3 / 3",
    ]);
    expect(links(first)).toEqual([`next /s/${code}?page=2`]);
    expect(links(second)).toEqual([`prev /s/${code}`, `next /s/${code}?page=3`]);
    expect(links(third)).toEqual([`prev /s/${code}?page=2`]);
    expect(first).not.toContain("<script");
    // 200 messages of ~30 characters, where the whole 450 would be ~2.3 times as much.
    for (const html of pages) expect(Buffer.byteLength(html)).toBeLessThan(150_000);
    // A short share has one page and no page links.
    expect(await (await get(`/s/${await shareOf()}`)).text()).not.toContain('class="pages"');
  });

  it("redirects a non-canonical or out-of-range page to the canonical one", async () => {
    const code = await shareOf(conversationData(450));
    const expected: Record<string, [number, string]> = {
      "?page=0": [301, `/s/${code}`],
      "?page=1": [301, `/s/${code}`],
      "?page=01": [301, `/s/${code}`],
      "?page=02": [301, `/s/${code}?page=2`],
      "?page=-2": [301, `/s/${code}`],
      "?page=2&x=1": [301, `/s/${code}`],
      "?x=1": [301, `/s/${code}`],
      "?page=9": [302, `/s/${code}?page=3`],
      "?page=99999999": [301, `/s/${code}`],
      "?page=51": [301, `/s/${code}`],
    };
    for (const [query, [status, location]] of Object.entries(expected)) {
      const response = await fetch(`${HOSTING}/s/${code}${query}`, { redirect: "manual" });
      expect([query, response.status]).toEqual([query, status]);
      const to = new URL(response.headers.get("location") ?? "", HOSTING);
      expect([query, `${to.pathname}${to.search}`]).toEqual([query, location]);
    }
  });

  it("leaves out the download button when the share does not allow it", async () => {
    const code = await shareOf(conversationData(3), { allowDownload: false });
    const html = await (await get(`/s/${code}`)).text();
    expect(html).not.toContain("/download");
    expect(html).toContain("내 계정에 복사");
  });
});

describe("what a conversation holds is data, never markup", () => {
  it("escapes text and drops theme values that are not colours, gradients or https images", async () => {
    const hostile: ConversationData = conversationData(2, `</title><script>alert("title")</script>`);
    hostile.conversation.title = `<img src=x onerror=alert(1)>`;
    hostile.conversation.authors[1] = {
      id: "other",
      name: `"><svg onload=alert(2)>`,
      avatarUrl: 'https://x.test/a.png?q="><script>',
    };
    hostile.conversation.messages.push({
      id: "evil",
      role: "other",
      authorId: "other",
      text: "<script>alert(3)</script> & </style>",
      datetime: "",
    });
    hostile.theme = {
      ...hostile.theme,
      backgroundValue: "red;}</style><script>alert(4)</script>",
      headerBg: "url(https://evil.test/x.png)",
      nameColor: "expression(alert(5))",
      bubble: {
        me: { bg: "linear-gradient(90deg, red, url(javascript:alert(6)))", textColor: "#12345" },
        other: { bg: "rgb(1,2,3);color:red" },
      },
    };
    const code = await shareOf(hostile);
    const html = await (await get(`/s/${code}`)).text();
    // The only <svg> are the phone's own icons; the hostile ones are text, escaped, and harmless.
    const ours =
      /<svg [^>]*class="icon icon-[a-z0-9-]+"[^>]*>(?:<(?:path|circle|rect|line) [^<>]*\/>)+<\/svg>/g;
    expect(html.replace(ours, "")).not.toMatch(/<script|<svg|<img src=x/i);
    expect(html).not.toMatch(/url\(|expression\(|javascript:/i);
    expect(html).toContain("&lt;script&gt;alert(3)&lt;/script&gt; &amp; &lt;/style&gt;");
    expect(html).toContain("&quot;&gt;&lt;svg onload=alert(2)&gt;");
    const css = /<style nonce="[^"]+">([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    expect(css).toContain(".skin-kakao{background:#B2C7D9;"); // the SPA's own, never the hostile value
    expect(css).not.toContain("red;}");
    expect(css).toContain(".msg.me .bubble{background:#FEE500;color:#1A1A1A}"); // the preset
    expect(css).toContain(".msg.other .bubble{background:#FFFFFF;color:#1A1A1A}");
  });
});

describe("a password-protected share", () => {
  it("asks for the password without leaking title or messages, then shows the conversation for it", async () => {
    const code = await shareOf(conversationData(3, "비밀 대화 제목"), { password: "open sesame" });
    const form = await get(`/s/${code}`);
    expect(form.status).toBe(200);
    expect(form.headers.get("cache-control")).toBe("private, no-store");
    const formHtml = await form.text();
    expect(formHtml).toContain(`<form method="post" action="/s/${code}">`);
    expect(formHtml).not.toMatch(/비밀 대화 제목|치킨|민지/);
    expect(meta(formHtml, "og:image")).toBe(`${HOSTING}/card.png`);

    const wrong = await post(`/s/${code}`, { password: "not it" });
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain("비밀번호가 맞지 않아요");

    const right = await post(`/s/${code}`, { password: "open sesame" });
    expect(right.status).toBe(200);
    expect(right.headers.get("cache-control")).toBe("private, no-store");
    const page = await right.text();
    expect(page).toContain("오늘 저녁에 뭐 먹을까?");
    expect(page).toContain(`action="/s/${code}/download"`);
    expect(await pendingViews(code)).toBe(1);
  });

  it("opens a later page of a protected share by posting the password to it, counting one view", async () => {
    const code = await shareOf(conversationData(450), { password: "open sesame" });
    const form = await (await get(`/s/${code}?page=3`)).text();
    expect(form).toContain(`<form method="post" action="/s/${code}?page=3">`);
    const third = await post(`/s/${code}?page=3`, { password: "open sesame" });
    expect(third.status).toBe(200);
    const html = await third.text();
    expect(html).toContain("치킨 어때요 449<");
    expect(html).toContain('<span class="count">3 / 3</span>');
    // Back to page 2 through a form that re-sends the password, not a link that would ask again.
    expect(html).toMatch(
      new RegExp(
        `<form method="post" action="/s/${code}\\?page=2">\\s*<input type="hidden" name="password" value="open sesame"`,
      ),
    );
    expect(await pendingViews(code)).toBe(0);
    expect(await (await post(`/s/${code}`, { password: "open sesame" })).text()).toContain("1 / 3");
    expect(await pendingViews(code)).toBe(1);
  });

  it(`refuses guesses after ${RATE_LIMITS.wrongPasswordsPerShareAndIpPer15Minutes} wrong ones from one address, with Retry-After`, async () => {
    const from = "192.0.2.77";
    const code = await passwordShareFor([from]);
    for (let i = 0; i < RATE_LIMITS.wrongPasswordsPerShareAndIpPer15Minutes; i++) {
      expect((await post(`/s/${code}`, { password: `guess ${i}` }, from)).status).toBe(403);
    }
    const refused = await post(`/s/${code}`, { password: "open sesame" }, from);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).not.toContain("치킨");
  });

  // Production's TRUSTED_PROXY_HOPS_HOSTING=2 (functions/.env.demo-talkstudio): a direct call to the
  // function URL arrives as [forged…, caller], one through Hosting as [forged…, client, CDN node].
  it.each([
    ["called directly", "203.0.113.201", (forged: string) => `${forged}, 203.0.113.201`],
    ["through Hosting", "203.0.113.202", (forged: string) => `${forged}, 203.0.113.202, 198.18.0.9`],
  ])("gives a caller %s no extra guess for a forged X-Forwarded-For", async (_, caller, shape) => {
    const code = await passwordShareFor([caller]);
    const budget = RATE_LIMITS.wrongPasswordsPerShareAndIpPer15Minutes;
    const statuses: number[] = [];
    for (let i = 0; i < budget + 3; i++) {
      statuses.push((await post(`/s/${code}`, { password: `guess ${i}` }, shape(`10.9.8.${i}`))).status);
    }
    expect(statuses).toEqual([...Array<number>(budget).fill(403), 429, 429, 429]);
    // Another visitor behind the same CDN node keeps a budget of their own.
    const neighbour = await post(`/s/${code}`, { password: "open sesame" }, "203.0.113.203, 198.18.0.9");
    expect(neighbour.status).toBe(200);
  });

  it("costs no guess for a password that cannot be one", async () => {
    const code = await shareOf(conversationData(2), { password: "open sesame" });
    expect((await post(`/s/${code}`, { password: "" })).status).toBe(400);
  });
});

describe("shares that are not there", () => {
  it("answers 404 for unknown and malformed codes and 410 for revoked and expired ones, styled and noindex", async () => {
    const unknown = await get(`/s/${"a".repeat(22)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("x-robots-tag")).toMatch(/noindex/);
    expect(await unknown.text()).toContain("대화를 찾을 수 없어요");
    expect((await get("/s/..%2F..%2Fetc")).status).toBe(404);

    const revoked = await shareOf();
    await revokeShare(shareDeps(adminDb()), "owner", revoked);
    const gone = await get(`/s/${revoked}`);
    expect(gone.status).toBe(410);
    expect(gone.headers.get("cache-control")).toBe("private, no-store");
    expect(await gone.text()).toContain("링크를 끊었어요");

    const expired = await shareOf();
    await adminDb()
      .doc(firestorePaths.share(expired))
      .update({ expiresAt: Timestamp.fromMillis(Date.now() - 1000) });
    expect((await get(`/s/${expired}`)).status).toBe(410);
  });
});

describe("GET /s/_health", () => {
  it("answers ok for the uptime check, uncached and noindex, without touching Firestore", async () => {
    const response = await get("/s/_health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-robots-tag")).toBe("noindex");
  });
});

describe("GET /s/{code}/card.png", () => {
  it("is a 1200×630 PNG of the conversation; protected and gone shares get the generic card", async () => {
    const card = await get(`/s/${await shareOf()}/card.png`);
    expect(card.status).toBe(200);
    expect(card.headers.get("content-type")).toBe("image/png");
    expect(card.headers.get("cache-control")).toBe("public, max-age=300, s-maxage=300");
    const png = Buffer.from(await card.arrayBuffer());
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });

    const generic = Buffer.from(await (await get("/card.png")).arrayBuffer());
    expect(pngSize(generic)).toEqual({ width: 1200, height: 630 });
    expect(generic.equals(png)).toBe(false);
    const locked = await get(
      `/s/${await shareOf(conversationData(2), { password: "open sesame" })}/card.png`,
    );
    expect(Buffer.from(await locked.arrayBuffer()).equals(generic)).toBe(true);

    const revoked = await shareOf();
    await revokeShare(shareDeps(adminDb()), "owner", revoked);
    const gone = await get(`/s/${revoked}/card.png`);
    expect(gone.status).toBe(410);
    expect(Buffer.from(await gone.arrayBuffer()).equals(generic)).toBe(true);
  });

  // Issue 18: each of these made resvg panic and abort the whole shareCard process, every time.
  const crashing = {
    "two messages of 1000 Hangul characters": ["가".repeat(1000), "힣".repeat(1000)],
    "four of 400 characters of Korean prose": Array<string>(4).fill(
      "오늘 저녁에 뭐 먹을까? 치킨 어때요 ".repeat(20).slice(0, 400),
    ),
    "four of 200 line breaks": Array<string>(4).fill(`${"\n".repeat(200)}끝`),
  };
  it.each(Object.entries(crashing))(
    "draws the card of %s, and the function keeps answering",
    async (_, texts) => {
      const data = conversationData(texts.length);
      data.conversation.messages = data.conversation.messages.map((m, i) => ({
        id: `long-${i}`,
        role: i % 2 ? ("me" as const) : ("other" as const),
        authorId: i % 2 ? "me" : "other",
        text: texts[i]!,
        datetime: "2024-03-05 오후 7:30",
      }));
      const code = await shareOf(data);
      const generic = Buffer.from(await (await get("/card.png")).arrayBuffer());
      for (let i = 0; i < 2; i++) {
        const card = await get(`/s/${code}/card.png`);
        expect(card.status).toBe(200);
        const png = Buffer.from(await card.arrayBuffer());
        expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
        expect(png.equals(generic)).toBe(false);
      }
      expect((await get(`/s/${code}`)).status).toBe(200);
    },
    60_000,
  );
});
