// Valid conversations for tests and benchmarks, shaped like the SPA's saved projects (DESIGN.md).
import {
  firestoreBytes,
  LIMITS,
  type ConversationData,
  type Message,
  type TextMessage,
} from "../../client/src/index.js";
import { kakaoThemeCopy } from "../../dev/theme-fixture.js";

const KOREAN_LINE = "오늘 저녁에 뭐 먹을까? 치킨 어때요";

export function messages(count: number, text = KOREAN_LINE): Message[] {
  return Array.from({ length: count }, (_, i) =>
    i % 50 === 0
      ? { id: `divider-${i}`, type: "dateDivider" as const, text: "2024년 3월 5일 화요일" }
      : {
          id: `msg-${i}`,
          role: i % 2 ? ("me" as const) : ("other" as const),
          authorId: i % 2 ? "me" : "other",
          text: `${text} ${i}`,
          datetime: "2024-03-05 오후 7:30",
        },
  );
}

/** A kakao project with `messageCount` messages and a theme the size of a real preset copy. */
export function conversationData(messageCount = 5, title = "민지랑 대화"): ConversationData {
  return {
    title,
    conversation: {
      platformSkin: "kakao",
      title: "민지",
      unreadCount: 3,
      authors: [
        { id: "me", name: "나", avatarUrl: "" },
        { id: "other", name: "민지", avatarUrl: "https://api.dicebear.com/7.x/avataaars/svg?seed=minji" },
      ],
      messages: messages(messageCount),
    },
    theme: kakaoThemeCopy(),
    statusBar: { time: "12:30", battery: 87, isWifi: true },
  };
}

/** A valid conversation grown to exactly `bytes` (as Firestore counts) by filler messages of ASCII text. */
export function conversationOfBytes(bytes: number): ConversationData {
  const data = conversationData(3);
  const first = data.conversation.messages[1] as TextMessage;
  const missing = bytes - firestoreBytes(data);
  const filler = Array.from({ length: Math.ceil(missing / LIMITS.messageTextChars) }, (_, i) => ({
    ...first,
    id: `fill-${i}`,
    text: "",
  }));
  const grown = {
    ...data,
    conversation: { ...data.conversation, messages: [...data.conversation.messages, ...filler] },
  };
  let left = bytes - firestoreBytes(grown);
  for (const message of filler) {
    const add = Math.min(left, LIMITS.messageTextChars);
    message.text = "x".repeat(add);
    left -= add;
  }
  if (firestoreBytes(grown) !== bytes) throw new Error("conversationOfBytes missed its size");
  return grown;
}

/** An edit: message `id`'s text set to `text` (a new object, as a store makes it). */
export const setText =
  (id: string, text: string) =>
  (data: ConversationData): ConversationData => ({
    ...data,
    conversation: {
      ...data.conversation,
      messages: data.conversation.messages.map((m) => (m.id === id ? { ...m, text } : m)),
    },
  });

/** Message `id`'s text. */
export const textOf = (data: ConversationData, id: string) =>
  (data.conversation.messages.find((m) => m.id === id) as TextMessage).text;
