import { describe, expect, it } from "vitest";
import { LIMITS, summaryFields } from "../../client/src/index.js";
import { conversationData } from "../support/conversation-data.js";

describe("summaryFields", () => {
  it("takes the last text message as the preview, cut without splitting an emoji", () => {
    const data = conversationData(3);
    const last = {
      id: "last",
      role: "me" as const,
      authorId: "me",
      text: `${"가".repeat(LIMITS.previewChars - 1)}😀 끝`,
      datetime: "",
    };
    const divider = { id: "d", type: "dateDivider" as const, text: "2024년 3월 6일" };
    const summary = summaryFields({
      ...data,
      conversation: { ...data.conversation, messages: [...data.conversation.messages, last, divider] },
    });
    expect(summary.preview).toBe("가".repeat(LIMITS.previewChars - 1));
    expect(summary).toMatchObject({
      title: data.title,
      themeId: "kakao",
      messageCount: 5,
      platformSkin: "kakao",
    });
  });
});
