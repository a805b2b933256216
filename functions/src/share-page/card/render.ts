// The 1200×630 link-preview card: the conversation's first bubbles in its app's colours, with
// names, initials for avatars (no network at render time), Korean text and Twemoji emoji.
// satori lays it out as SVG, resvg turns it into PNG. Loaded lazily: only the card route pays for it.
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import type { ConversationData, TextMessage } from "../../schema.js";
import { lookOf, shownTime, type Look, type Side } from "../look.js";
import { emojiDataUrl, loadFonts } from "./assets.js";
import { CARD_LIMITS, IMAGE_LIMITS } from "./limits.js";
import { textLines } from "./text.js";
import { CARD_HEIGHT, CARD_WIDTH } from "./size.js";

/** The download image: a phone twice the page's 390-px width, as tall as its messages. */
export const IMAGE_WIDTH = 780;

interface Node {
  type: string;
  props: Record<string, unknown> & { style?: Record<string, unknown>; children?: unknown };
}
const el = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({
  type,
  props: { style: { display: "flex", ...style }, children },
});

/** satori takes a colour or a gradient as different properties. */
const paint = (value: string) =>
  value.startsWith("linear-gradient") ? { backgroundImage: value } : { backgroundColor: value };

// Every line has a height fixed here (satori adds padding to a box's height), so a bubble's height
// is known before layout (`Bubble.height`).
const TEXT_PX = 30;
const LINE_PX = 39;
const NAME_PX = 22;
const NAME_LINE_PX = 28;
const NAME_GAP_PX = 6;
const AVATAR_PX = 64;
const PADDING_Y_PX = 14;
const PADDING_X_PX = 22;
const TIME_PX = 20;
/** One line of text of `px` size across `widthPx`, as textLines bounds it. */
const oneLine = (text: string, px: number, widthPx: number) =>
  textLines(text, { lines: 1, chars: 200, widthEm: widthPx / px })[0]!;

/** A single line that never wraps: what does not fit is clipped by its box. */
const line = (text: string, style: Record<string, unknown>) =>
  el("div", { whiteSpace: "pre", overflow: "hidden", flexShrink: 0, ...style }, text || " ");

function avatar(name: string, look: Look): Node {
  return el(
    "div",
    {
      width: AVATAR_PX,
      height: AVATAR_PX,
      borderRadius: look.avatarRadius,
      backgroundColor: "#C9D3DD",
      color: "#FFFFFF",
      fontSize: 30,
      fontWeight: 700,
      alignItems: "center",
      justifyContent: "center",
      flexShrink: 0,
    },
    Array.from(name.trim())[0] ?? "?",
  );
}

interface Bubble {
  node: Node;
  /** Its height in px, as laid out. */
  height: number;
}

/** The rows that fit whole in `room`, `gap` apart, in order: a box past the edge made resvg panic. */
function fitting<T>(items: readonly T[], rowOf: (item: T) => Bubble, gap: number, room: number): Bubble[] {
  const rows: Bubble[] = [];
  let used = -gap;
  for (const item of items) {
    const row = rowOf(item);
    if (used + gap + row.height > room) break;
    used += gap + row.height;
    rows.push(row);
  }
  return rows;
}

/** A message's bubble of at most `maxLines` lines, `maxWidth` px wide, with its name and time. */
function bubble(
  message: TextMessage,
  name: string,
  look: Look,
  bounds: { maxWidth: number; lines: number; chars: number },
): Bubble {
  const side: Side = message.role;
  const colours = look.bubble[side];
  const discord = look.skin === "discord";
  const right = side === "me" && !discord;
  const paddingX = discord ? 0 : PADDING_X_PX;
  const lines = textLines(message.text, {
    lines: bounds.lines,
    chars: bounds.chars,
    widthEm: (bounds.maxWidth - 2 * paddingX) / TEXT_PX,
  });
  const textHeight = lines.length * LINE_PX + (discord ? 0 : 2 * PADDING_Y_PX);
  const text = el(
    "div",
    {
      ...(discord ? {} : paint(colours.bg)),
      color: colours.text,
      fontSize: TEXT_PX,
      lineHeight: `${LINE_PX}px`,
      flexDirection: "column",
      padding: discord ? "0" : `${PADDING_Y_PX}px ${PADDING_X_PX}px`,
      borderRadius: Math.round(colours.radius * 1.8),
      maxWidth: bounds.maxWidth,
      flexShrink: 0,
      overflow: "hidden",
    },
    lines.map((l) => line(l, { height: LINE_PX })),
  );
  if (side === "system") {
    return { node: el("div", { justifyContent: "center", width: "100%" }, text), height: textHeight };
  }
  const time =
    look.showTime && message.datetime
      ? line(oneLine(shownTime(message.datetime), TIME_PX, 150), {
          color: look.timeColor,
          fontSize: TIME_PX,
          lineHeight: `${LINE_PX}px`,
          height: LINE_PX,
        })
      : null;
  const labelled = (look.showName || discord) && !right;
  const label = labelled
    ? line(oneLine(name, NAME_PX, bounds.maxWidth), {
        color: look.nameColor,
        fontSize: NAME_PX,
        lineHeight: `${NAME_LINE_PX}px`,
        height: NAME_LINE_PX,
        fontWeight: 700,
        marginBottom: NAME_GAP_PX,
      })
    : null;
  const row = el(
    "div",
    { alignItems: "flex-end", gap: 10, flexDirection: right ? "row-reverse" : "row" },
    discord ? [text] : [text, time],
  );
  const body = el(
    "div",
    { flexDirection: "column", alignItems: right ? "flex-end" : "flex-start" },
    [label, row].filter(Boolean),
  );
  const withAvatar = !right && look.showAvatar;
  const bodyHeight = textHeight + (labelled ? NAME_LINE_PX + NAME_GAP_PX : 0);
  return {
    node: el(
      "div",
      {
        width: "100%",
        gap: 16,
        flexShrink: 0,
        justifyContent: right ? "flex-end" : "flex-start",
        alignItems: "flex-start",
      },
      withAvatar ? [avatar(name, look), body] : [body],
    ),
    height: Math.max(bodyHeight, withAvatar ? AVATAR_PX : 0),
  };
}

const nameOf = (data: ConversationData) => {
  const names = new Map(data.conversation.authors.map((a) => [a.id, a.name]));
  return (m: TextMessage) => names.get(m.authorId) || (m.role === "me" ? "나" : "");
};

const CARD_HEADER_PX = 96;
const CARD_FOOTER_PX = 56;
const CARD_PADDING_Y_PX = 28;
const CARD_GAP_PX = 18;
const CARD_BUBBLE_WIDTH = 820;

function cardTree(data: ConversationData): Node {
  const look = lookOf(data);
  const name = nameOf(data);
  const room = CARD_HEIGHT - CARD_HEADER_PX - CARD_FOOTER_PX - 2 * CARD_PADDING_Y_PX;
  const bubbles = fitting(
    data.conversation.messages
      .filter((m): m is TextMessage => !("type" in m) && (m.text.trim() !== "" || m.role === "system"))
      .slice(0, CARD_LIMITS.messages),
    (m) =>
      bubble(m, name(m), look, {
        maxWidth: CARD_BUBBLE_WIDTH,
        lines: CARD_LIMITS.linesPerBubble,
        chars: CARD_LIMITS.charsPerBubble,
      }),
    CARD_GAP_PX,
    room,
  );
  return el(
    "div",
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      flexDirection: "column",
      fontFamily: "Pretendard",
      ...paint(look.background),
    },
    [
      el(
        "div",
        {
          ...paint(look.headerBg),
          color: look.headerText,
          height: CARD_HEADER_PX,
          flexShrink: 0,
          alignItems: "center",
          padding: "0 40px",
          fontSize: 36,
          fontWeight: 700,
        },
        [line(oneLine(data.conversation.title || data.title || "TalkStudio", 36, CARD_WIDTH - 80), {})],
      ),
      el(
        "div",
        {
          flexDirection: "column",
          height: room,
          flexShrink: 0,
          padding: `${CARD_PADDING_Y_PX}px 40px`,
          gap: CARD_GAP_PX,
          overflow: "hidden",
        },
        bubbles.map((b) => b.node),
      ),
      el(
        "div",
        {
          height: CARD_FOOTER_PX,
          flexShrink: 0,
          alignItems: "center",
          justifyContent: "flex-end",
          padding: "0 40px",
          fontSize: 22,
          fontWeight: 700,
          color: look.timeColor,
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

async function toPng(tree: Node, size: { width: number; height?: number }): Promise<Buffer> {
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
  const image = new Resvg(svg, { fitTo: { mode: "width", value: size.width } }).render();
  return Buffer.from(image.asPng());
}

export function renderCard(data: ConversationData): Promise<Buffer> {
  return toPng(cardTree(data), { width: CARD_WIDTH, height: CARD_HEIGHT });
}

const IMAGE_HEADER_PX = 100;
const IMAGE_PADDING_TOP_PX = 24;
const IMAGE_PADDING_BOTTOM_PX = 32;
const IMAGE_GAP_PX = 16;
const IMAGE_BUBBLE_WIDTH = 560;
const NOTE_PX = 22;
const NOTE_LINE_PX = 30;
const NOTE_PADDING_Y_PX = 6;
const NOTE_HEIGHT_PX = NOTE_LINE_PX + 2 * NOTE_PADDING_Y_PX;

/** A centred one-line note: a date divider, or the line saying how many messages were left out. */
function note(text: string, look: Look): Bubble {
  const node = el("div", { justifyContent: "center", width: "100%", flexShrink: 0 }, [
    line(oneLine(text, NOTE_PX, IMAGE_WIDTH - 120), {
      ...paint(look.bubble.system.bg),
      color: look.bubble.system.text,
      fontSize: NOTE_PX,
      lineHeight: `${NOTE_LINE_PX}px`,
      height: NOTE_LINE_PX,
      padding: `${NOTE_PADDING_Y_PX}px 18px`,
      borderRadius: 30,
    }),
  ]);
  return { node, height: NOTE_HEIGHT_PX };
}

function imageTree(data: ConversationData): Node {
  const look = lookOf(data);
  const name = nameOf(data);
  const messages = data.conversation.messages;
  // Room for the rows, less the closing note's, which a cut conversation needs.
  const room =
    IMAGE_LIMITS.maxHeight -
    IMAGE_HEADER_PX -
    IMAGE_PADDING_TOP_PX -
    IMAGE_PADDING_BOTTOM_PX -
    IMAGE_GAP_PX -
    NOTE_HEIGHT_PX;
  const rows = fitting(
    messages.slice(0, IMAGE_LIMITS.messages),
    (m) =>
      "type" in m
        ? note(m.text, look)
        : bubble(m, name(m), look, {
            maxWidth: IMAGE_BUBBLE_WIDTH,
            lines: IMAGE_LIMITS.linesPerBubble,
            chars: Number.POSITIVE_INFINITY,
          }),
    IMAGE_GAP_PX,
    room,
  );
  const left = messages.length - rows.length;
  if (left > 0) rows.push(note(`… 메시지 ${left}개가 더 있어요 (이미지에 담지 못했어요)`, look));
  return el(
    "div",
    { width: IMAGE_WIDTH, flexDirection: "column", fontFamily: "Pretendard", ...paint(look.background) },
    [
      el(
        "div",
        {
          ...paint(look.headerBg),
          color: look.headerText,
          height: IMAGE_HEADER_PX,
          flexShrink: 0,
          alignItems: "center",
          justifyContent: "center",
          padding: "0 32px",
          fontSize: 34,
          fontWeight: 700,
        },
        [line(oneLine(data.conversation.title || data.title || "TalkStudio", 34, IMAGE_WIDTH - 64), {})],
      ),
      el(
        "div",
        {
          flexDirection: "column",
          padding: `${IMAGE_PADDING_TOP_PX}px 24px ${IMAGE_PADDING_BOTTOM_PX}px`,
          gap: IMAGE_GAP_PX,
        },
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
