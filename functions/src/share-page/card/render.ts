// The 1200×630 link-preview card: the conversation's first bubbles in its app's colours, with
// names, initials for avatars (no network at render time), Korean text and Twemoji emoji.
// satori lays it out as SVG, resvg turns it into PNG. Loaded lazily: only the card route pays for it.
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import type { ConversationData, Message } from "../../schema.js";
import { lookOf } from "../look.js";
import { SKINS } from "../skins/all.js";
import { emojiDataUrl, loadFonts } from "./assets.js";
import { CARD_LIMITS, IMAGE_LIMITS } from "./card-limits.js";
import { phone } from "./phone.js";
import { CARD_HEIGHT, CARD_WIDTH } from "./size.js";
import { el, paint, type Node } from "./tree.js";

/** The download image: a phone twice the page's 390-px width, as tall as its messages. */
export const IMAGE_WIDTH = 780;

/** The card's phone: 600 CSS px across its 1200 px, as the page's phone at twice its size. */
const CARD_SCALE = 2;
const CARD_FOOTER_PX = 40;

function cardTree(data: ConversationData): Node {
  const look = lookOf(data);
  const drawn = phone(data, look, {
    width: CARD_WIDTH / CARD_SCALE,
    scale: CARD_SCALE,
    lines: CARD_LIMITS.linesPerBubble,
    chars: CARD_LIMITS.charsPerBubble,
    shadows: true,
  });
  const header = drawn.header();
  // The first messages up to CARD_LIMITS.messages bubbles, with the dividers and system lines among
  // them; image-only messages are left out (no network at render time).
  const shown: Message[] = [];
  let bubbles = 0;
  for (const m of data.conversation.messages) {
    if (bubbles === CARD_LIMITS.messages) break;
    if ("type" in m) shown.push(m);
    else if (m.text.trim() !== "" || m.role === "system") {
      shown.push(m);
      if (m.role !== "system") bubbles++;
    }
  }
  const room = CARD_HEIGHT - header.height - CARD_FOOTER_PX - drawn.top;
  return el(
    "div",
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      flexDirection: "column",
      fontFamily: "Pretendard",
      ...paint(drawn.background),
    },
    [
      header.node,
      el(
        "div",
        {
          flexDirection: "column",
          height: room + drawn.top,
          flexShrink: 0,
          paddingTop: drawn.top,
          justifyContent: drawn.fromTop ? "flex-start" : "flex-end",
          // No overflow clip: satori then drops the tails' own clip paths. The rows fit by their
          // heights, computed before layout.
        },
        drawn.rows(shown, room).map((r) => r.node),
      ),
      el(
        "div",
        {
          height: CARD_FOOTER_PX,
          flexShrink: 0,
          alignItems: "center",
          justifyContent: "flex-end",
          padding: "0 24px",
          fontSize: 20,
          fontWeight: 700,
          color: SKINS[look.skin].preset.timeColor,
        },
        "TalkStudio",
      ),
    ],
  );
}

/** The card shown for password-protected shares and anything not public: no title, no messages. */
function genericTree(): Node {
  return el(
    "div",
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      flexDirection: "column",
      alignItems: "center",
      justifyContent: "center",
      fontFamily: "Pretendard",
      backgroundImage: "linear-gradient(135deg, #FEE500 0%, #B2C7D9 100%)",
      color: "#1A1A1A",
      gap: 18,
    },
    [
      el("div", { fontSize: 84, fontWeight: 700 }, "TalkStudio"),
      el("div", { fontSize: 36 }, "채팅 대화를 만들고 공유해요"),
    ],
  );
}

/** The SVG's height, as satori wrote it in the root element. */
const svgHeight = (svg: string) => Number(/^<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1] ?? NaN);

async function svgOf(tree: Node, size: { width: number; height?: number }): Promise<string> {
  // satori types its input as React's; our plain element trees are what React elements compile to.
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], {
    ...size,
    fonts: await loadFonts(),
    // Emoji become Twemoji images; other scripts Pretendard lacks (Hanja) have no fallback font here.
    loadAdditionalAsset: async (code, segment) =>
      code === "emoji" ? ((await emojiDataUrl(segment)) ?? "") : [],
  });
  // The layout above keeps to the budget; this keeps a mistake in it from costing gigabytes.
  if (!(svgHeight(svg) <= IMAGE_LIMITS.maxHeight)) throw new Error(`Refused an SVG of ${svgHeight(svg)} px.`);
  return svg;
}

async function toPng(tree: Node, size: { width: number; height?: number }): Promise<Buffer> {
  const image = new Resvg(await svgOf(tree, size), { fitTo: { mode: "width", value: size.width } }).render();
  return Buffer.from(image.asPng());
}

/** The card's element tree and its SVG, as the PNG is made of them (for tests). */
export const cardParts = async (data: ConversationData) => {
  const tree = cardTree(data);
  return { tree, svg: await svgOf(tree, { width: CARD_WIDTH, height: CARD_HEIGHT }) };
};

export function renderCard(data: ConversationData): Promise<Buffer> {
  return toPng(cardTree(data), { width: CARD_WIDTH, height: CARD_HEIGHT });
}

const IMAGE_SCALE = 2;

function imageTree(data: ConversationData): Node {
  const look = lookOf(data);
  const drawn = phone(data, look, {
    width: IMAGE_WIDTH / IMAGE_SCALE,
    scale: IMAGE_SCALE,
    lines: IMAGE_LIMITS.linesPerBubble,
    chars: Number.POSITIVE_INFINITY,
    shadows: false,
  });
  const header = drawn.header();
  const messages = data.conversation.messages;
  const candidates = messages.slice(0, IMAGE_LIMITS.messages);
  const more = (left: number) => drawn.note(`… 메시지 ${left}개가 더 있어요 (이미지에 담지 못했어요)`);
  // Room for the rows, less the closing note's (at its longest), which a cut conversation needs.
  const room = IMAGE_LIMITS.maxHeight - header.height - 2 * drawn.top - more(messages.length).height;
  const rows = drawn.rows(candidates, room);
  const left = messages.length - rows.length;
  if (left > 0) rows.push(more(left));
  return el(
    "div",
    { width: IMAGE_WIDTH, flexDirection: "column", fontFamily: "Pretendard", ...paint(drawn.background) },
    [
      header.node,
      el(
        "div",
        { flexDirection: "column", padding: `${drawn.top}px 0` },
        rows.map((r) => r.node),
      ),
    ],
  );
}

/**
 * The conversation as one PNG, IMAGE_WIDTH wide and at most IMAGE_LIMITS.maxHeight tall: the
 * messages that fit (each at most IMAGE_LIMITS.linesPerBubble lines), then a line counting the rest.
 */
export function renderConversationImage(data: ConversationData): Promise<Buffer> {
  return toPng(imageTree(data), { width: IMAGE_WIDTH });
}

export function renderGenericCard(): Promise<Buffer> {
  return toPng(genericTree(), { width: CARD_WIDTH, height: CARD_HEIGHT });
}
