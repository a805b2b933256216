// The preview card drawn as the share page's phone: each app's header, messages grouped by side
// with a tail and the time on a group's last, read marks, Pretendard glyphs, and nothing from the
// conversation reaching the SVG but drawn glyphs. The cards go to reports/share-card/ to be looked at.
import { mkdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ConversationData, PlatformSkin, TextMessage } from "../../client/src/index.js";
import { cardParts, renderCard } from "../../functions/src/share-page/card/render.js";
import { conversationData } from "../support/conversation-data.js";

const SHOTS = "reports/share-card";

interface Tree {
  type: string;
  props: { style?: Record<string, unknown>; children?: unknown; src?: unknown };
}

/** Every node of the card's element tree. */
function nodes(tree: Tree): Tree[] {
  const children = tree.props.children;
  const list = (Array.isArray(children) ? children : [children]).filter(
    (c): c is Tree => typeof c === "object" && c !== null,
  );
  return [tree, ...list.flatMap(nodes)];
}
/** The texts the card draws, in order. */
const texts = (tree: Tree) =>
  nodes(tree)
    .map((n) => n.props.children)
    .filter((c): c is string => typeof c === "string");
/** The Lucide icons the card draws, in order, known by a piece of each one's path data. */
const ICON_PATHS = {
  "chevron-left": "m15 18-6-6 6-6",
  "arrow-left": "m12 19-7-7 7-7",
  search: "m21 21-4.34-4.34",
  "ellipsis-vertical": 'cy="5" r="1"',
  phone: "M13.832 16.568",
  video: "m16 13 5.223 3.482",
};
const icons = (tree: Tree) =>
  nodes(tree)
    .filter((n) => n.type === "img" && String(n.props.src).startsWith("data:image/svg+xml;base64,"))
    .map((n) => {
      const svg = Buffer.from(String(n.props.src).split(",")[1]!, "base64").toString();
      return Object.entries(ICON_PATHS).find(([, d]) => svg.includes(d))?.[0] ?? svg;
    });
const tails = (tree: Tree) => nodes(tree).filter((n) => String(n.props.style?.clipPath).startsWith("path("));

const say = (role: "me" | "other", text: string, minute: number): TextMessage => ({
  id: `m${minute}`,
  role,
  authorId: role,
  text,
  datetime: `2024-03-05 오후 7:${String(minute).padStart(2, "0")}`,
});

/** Two of 민지's, then two of mine: two groups. */
function grouped(skin: PlatformSkin, showReadStatus = true): ConversationData {
  const data = conversationData(0, `${skin} 카드`);
  data.conversation.platformSkin = skin;
  data.conversation.messages = [
    say("other", "저녁 뭐 먹을래?", 1),
    say("other", "치킨 어때요", 2),
    say("me", "좋아요 😀", 3),
    say("me", "여덟 시에 봐요", 4),
  ];
  data.theme = { id: skin, name: skin, showReadStatus };
  return data;
}

describe("the card, drawn as the page's phone", () => {
  it("groups a KakaoTalk chat by side: the name once, the time and a tail on each group's last", async () => {
    const { tree } = await cardParts(grouped("kakao"));
    const drawn = texts(tree);
    expect(drawn.filter((t) => t === "민지")).toHaveLength(2); // the header's title and the group's name
    expect(drawn.filter((t) => t.startsWith("오후 7:"))).toEqual(["오후 7:02", "오후 7:04"]);
    expect(tails(tree)).toHaveLength(2);
    // The read `1` on my group only, over its time.
    expect(drawn.filter((t) => t === "1")).toHaveLength(1);
    const unread = texts((await cardParts(grouped("kakao", false))).tree);
    expect(unread.filter((t) => t === "1")).toHaveLength(0);
  });

  it.each([
    ["kakao", ["chevron-left", "search", "ellipsis-vertical"]],
    ["discord", ["arrow-left", "phone", "video"]],
    ["telegram", ["chevron-left", "ellipsis-vertical"]],
    ["insta", ["chevron-left", "phone", "video"]],
  ] as const)("draws %s's header icons as the SPA's preview does: %j", async (skin, expected) => {
    const { tree } = await cardParts(grouped(skin));
    expect(icons(tree)).toEqual(expected);
    expect(texts(tree).includes("Back")).toBe(skin === "telegram");
    // The "online" dot on the header's avatar, but on KakaoTalk.
    const dots = nodes(tree).filter(
      (n) => n.props.style?.position === "absolute" && String(n.props.style.border).includes("solid"),
    );
    expect(dots).toHaveLength(skin === "kakao" ? 0 : 1);
  });

  it("stacks KakaoTalk's read count over the time, as the SPA's preview does", async () => {
    const { tree } = await cardParts(grouped("kakao"));
    const stamp = nodes(tree).find((n) => {
      const children = n.props.children;
      return Array.isArray(children) && children.length === 2 && texts(n).join("|") === "1|오후 7:04";
    });
    expect(stamp?.props.style?.flexDirection).toBe("column");
    expect(stamp?.props.style?.alignItems).toBe("flex-end");
  });

  it("draws each app's own rules: Telegram times every bubble, Discord names a group once, Instagram says Seen", async () => {
    const telegram = (await cardParts(grouped("telegram"))).tree;
    expect(texts(telegram).filter((t) => /^7:0\d$/.test(t))).toEqual(["7:01", "7:02", "7:03", "7:04"]);
    expect(texts(telegram)).toContain("online");
    expect(tails(telegram)).toHaveLength(2);

    const discord = (await cardParts(grouped("discord"))).tree;
    expect(texts(discord).filter((t) => t.startsWith("Today at"))).toEqual([
      "Today at 7:01 PM",
      "Today at 7:03 PM",
    ]);
    expect(tails(discord)).toHaveLength(0);

    const insta = (await cardParts(grouped("insta"))).tree;
    expect(texts(insta).filter((t) => t.startsWith("오후"))).toEqual(["오후 7:01", "오후 7:03"]);
    expect(texts(insta).filter((t) => t === "Seen")).toHaveLength(1);
    expect(texts(insta)).toContain("Active now");
  });

  it("closes the group the card cuts: its last drawn bubble has the time and the tail", async () => {
    const data = grouped("kakao");
    data.conversation.messages = Array.from({ length: 8 }, (_, i) => say("me", `메시지 ${i}`, i));
    const { tree } = await cardParts(data);
    expect(texts(tree).filter((t) => t.startsWith("메시지"))).toEqual([
      "메시지 0",
      "메시지 1",
      "메시지 2",
      "메시지 3",
    ]);
    expect(texts(tree).filter((t) => t.startsWith("오후 7:"))).toEqual(["오후 7:03"]);
    expect(tails(tree)).toHaveLength(1);
  });

  it("draws Korean in Pretendard's glyphs, not the missing-glyph box", async () => {
    const card = async (text: string) => {
      const data = grouped("kakao");
      data.conversation.messages = [say("other", text, 1)];
      return (await cardParts(data)).svg;
    };
    // Pretendard has no Hanja: those are drawn as its missing-glyph box. Hangul must not be.
    const [hangul, otherHangul, hanja, otherHanja] = await Promise.all(
      ["가나다라", "마바사아", "丁七万丈", "三上下不"].map(card),
    );
    expect(otherHanja).toBe(hanja);
    expect(hangul).not.toBe(hanja);
    expect(otherHangul).not.toBe(hangul);
  });

  it("puts nothing of a hostile conversation into the SVG but drawn glyphs", async () => {
    const hostile = `</svg><script>alert(1)</script><![CDATA[ ]]> & "' <img src=x onerror=alert(2)>`;
    const data = grouped("kakao");
    data.title = hostile;
    data.conversation.title = hostile;
    data.conversation.authors = data.conversation.authors.map((a) => ({ ...a, name: hostile }));
    data.conversation.messages = data.conversation.messages.map((m) => ({
      ...m,
      text: hostile,
      datetime: hostile,
    }));
    data.theme = {
      id: "kakao",
      name: hostile,
      bubble: { me: { bg: `#fff" onload="alert(3)` }, other: { bg: "red;}</style><script>" } },
      headerBg: "url(javascript:alert(4))",
    };
    const { svg } = await cardParts(data);
    expect(svg).not.toMatch(/script|onerror|onload|alert|javascript|CDATA|<img/i);
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expect(svg.endsWith("</svg>")).toBe(true);
  });

  it.each(["kakao", "discord", "telegram", "insta"] as const)(
    "renders a %s card and saves it for a look",
    async (skin) => {
      mkdirSync(SHOTS, { recursive: true });
      for (const shorts of [false, true]) {
        const data = grouped(skin);
        data.conversation.messages.unshift({ id: "day", type: "dateDivider", text: "2024년 3월 5일 화요일" });
        if (shorts) data.theme = { id: `${skin}-shorts`, name: skin, fontSize: 39, avatarSize: 111 };
        const png = await renderCard(data);
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
        writeFileSync(`${SHOTS}/${skin}${shorts ? "-shorts" : ""}.png`, png);
      }
    },
    30_000,
  );
});
