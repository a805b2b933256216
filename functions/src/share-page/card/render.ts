// The 1200×630 link-preview card: the conversation's first bubbles in its app's colours, with
// names, initials for avatars (no network at render time), Korean text and Twemoji emoji.
// satori lays it out as SVG, resvg turns it into PNG. Loaded lazily: only the card route pays for it.
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import type { ConversationData, TextMessage } from "../../schema.js";
import { lookOf, shownTime, type Look, type Side } from "../look.js";
import { emojiDataUrl, loadFonts } from "./assets.js";
import { CARD_HEIGHT, CARD_WIDTH } from "./size.js";

/** Bubbles on a card: more would be cut off at the card's text size. */
const CARD_MESSAGES = 4;
const TEXT_LINES = 2;

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

function avatar(name: string, look: Look): Node {
  return el(
    "div",
    {
      width: 64,
      height: 64,
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

function bubble(message: TextMessage, name: string, look: Look, maxWidth: number, clamp: boolean): Node {
  const side: Side = message.role;
  const colours = look.bubble[side];
  const discord = look.skin === "discord";
  const right = side === "me" && !discord;
  const text = el(
    "div",
    {
      ...(discord ? {} : paint(colours.bg)),
      color: colours.text,
      fontSize: 30,
      lineHeight: 1.3,
      padding: discord ? "0" : "14px 22px",
      borderRadius: Math.round(colours.radius * 1.8),
      maxWidth,
      overflow: "hidden",
      overflowWrap: "anywhere",
      whiteSpace: "pre-wrap",
      ...(clamp ? { lineClamp: TEXT_LINES } : {}),
    },
    message.text || " ",
  );
  if (side === "system") return el("div", { justifyContent: "center", width: "100%" }, text);
  const time =
    look.showTime && message.datetime
      ? el("div", { color: look.timeColor, fontSize: 20, paddingBottom: 4 }, shownTime(message.datetime))
      : null;
  const label =
    (look.showName || discord) && !right
      ? el("div", { color: look.nameColor, fontSize: 22, fontWeight: 700, marginBottom: 6 }, name)
      : null;
  const line = el(
    "div",
    { alignItems: "flex-end", gap: 10, flexDirection: right ? "row-reverse" : "row" },
    discord ? [text] : [text, time],
  );
  const body = el(
    "div",
    { flexDirection: "column", alignItems: right ? "flex-end" : "flex-start" },
    [label, line].filter(Boolean),
  );
  return el(
    "div",
    { width: "100%", gap: 16, justifyContent: right ? "flex-end" : "flex-start", alignItems: "flex-start" },
    right || !look.showAvatar ? [body] : [avatar(name, look), body],
  );
}

function cardTree(data: ConversationData): Node {
  const look = lookOf(data);
  const names = new Map(data.conversation.authors.map((a) => [a.id, a.name]));
  const messages = data.conversation.messages
    .filter((m): m is TextMessage => !("type" in m) && (m.text.trim() !== "" || m.role === "system"))
    .slice(0, CARD_MESSAGES);
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
          height: 96,
          alignItems: "center",
          padding: "0 40px",
          fontSize: 36,
          fontWeight: 700,
        },
        data.conversation.title || data.title || "TalkStudio",
      ),
      el(
        "div",
        { flexDirection: "column", flexGrow: 1, padding: "28px 40px", gap: 18, overflow: "hidden" },
        messages.map((m) =>
          bubble(m, names.get(m.authorId) || (m.role === "me" ? "나" : ""), look, 820, true),
        ),
      ),
      el(
        "div",
        {
          height: 56,
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

async function toPng(tree: Node, size: { width: number; height?: number }): Promise<Buffer> {
  const svg = await satori(tree, {
    ...size,
    fonts: await loadFonts(),
    // Emoji become Twemoji images; other scripts Pretendard lacks (Hanja) have no fallback font here.
    loadAdditionalAsset: async (code, segment) =>
      code === "emoji" ? ((await emojiDataUrl(segment)) ?? "") : [],
  });
  const image = new Resvg(svg, { fitTo: { mode: "width", value: size.width } }).render();
  return Buffer.from(image.asPng());
}

export function renderCard(data: ConversationData): Promise<Buffer> {
  return toPng(cardTree(data), { width: CARD_WIDTH, height: CARD_HEIGHT });
}

/** The download image: a phone twice the page's 390-px width, as tall as its messages. */
export const IMAGE_WIDTH = 780;
/** Messages in a download image: past this a PNG outgrows the function's memory; the SPA's own exports cover more. */
export const IMAGE_MESSAGES = 200;

function imageTree(data: ConversationData): Node {
  const look = lookOf(data);
  const names = new Map(data.conversation.authors.map((a) => [a.id, a.name]));
  const rows = data.conversation.messages.slice(0, IMAGE_MESSAGES).map((m) =>
    "type" in m
      ? el("div", { justifyContent: "center", width: "100%" }, [
          el(
            "div",
            {
              ...paint(look.bubble.system.bg),
              color: look.bubble.system.text,
              fontSize: 22,
              padding: "6px 18px",
              borderRadius: 30,
            },
            m.text || " ",
          ),
        ])
      : bubble(m, names.get(m.authorId) || (m.role === "me" ? "나" : ""), look, IMAGE_WIDTH - 160, false),
  );
  return el(
    "div",
    { width: IMAGE_WIDTH, flexDirection: "column", fontFamily: "Pretendard", ...paint(look.background) },
    [
      el(
        "div",
        {
          ...paint(look.headerBg),
          color: look.headerText,
          height: 100,
          alignItems: "center",
          justifyContent: "center",
          padding: "0 32px",
          fontSize: 34,
          fontWeight: 700,
        },
        data.conversation.title || data.title || "TalkStudio",
      ),
      el("div", { flexDirection: "column", padding: "24px 24px 32px", gap: 16 }, rows),
    ],
  );
}

/** The whole conversation (its first IMAGE_MESSAGES messages) as one PNG. */
export function renderConversationImage(data: ConversationData): Promise<Buffer> {
  return toPng(imageTree(data), { width: IMAGE_WIDTH });
}

export function renderGenericCard(): Promise<Buffer> {
  return toPng(genericTree(), { width: CARD_WIDTH, height: CARD_HEIGHT });
}
