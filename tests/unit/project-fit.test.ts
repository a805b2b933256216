// A project over a limit is answered, never thrown, and worded so the user knows what to shorten.
import { describe, expect, it } from "vitest";
import { fitConversationData, LIMITS, messageOf } from "../../client/src/index.js";
import { conversationData, conversationOfBytes } from "../support/conversation-data.js";

describe("fitConversationData", () => {
  it("says which message is too long and by which limit, in Korean and English", () => {
    const data = conversationData(5);
    const long = {
      ...data,
      conversation: {
        ...data.conversation,
        messages: data.conversation.messages.map((m, i) =>
          i === 3 ? { ...m, text: "가".repeat(LIMITS.messageTextChars + 1) } : m,
        ),
      },
    };
    const fitted = fitConversationData(long);
    expect(fitted.data).toBeNull();
    expect(fitted.error?.details).toMatchObject({
      reason: "project-too-large",
      path: "conversation.messages.3.text",
      limit: LIMITS.messageTextChars,
      size: LIMITS.messageTextChars + 1,
    });
    const [size, limit] = [LIMITS.messageTextChars + 1, LIMITS.messageTextChars];
    expect(messageOf(fitted.error, "ko")).toContain(
      `4번째 메시지의 글이 너무 길어요 (${size.toLocaleString("ko-KR")}자, 최대 ${limit.toLocaleString("ko-KR")}자)`,
    );
    expect(messageOf(fitted.error)).toContain("줄이거나 여러 메시지로 나눠 주세요");
    expect(messageOf(fitted.error, "en")).toContain(
      `Message 4 is too long (${size.toLocaleString("en-US")} characters; at most ${limit.toLocaleString("en-US")} characters)`,
    );
  });

  it("says the whole project is too large when it is over the document limit", () => {
    const fitted = fitConversationData(conversationOfBytes(1_000_001));
    expect(fitted.error?.details).toMatchObject({ reason: "project-too-large", path: "", size: 1_000_001 });
    expect(messageOf(fitted.error, "en")).toContain(
      "The project is too large (1,000,001 bytes; at most 1,000,000 bytes)",
    );
    expect(messageOf(fitted.error, "ko")).toContain(
      "프로젝트가 너무 커요 (1,000,001바이트, 최대 1,000,000바이트)",
    );
  });

  it("says the theme is too large when its background image is (the SPA keeps data: URLs there)", () => {
    const data = conversationData(3);
    const image = `data:image/png;base64,${"A".repeat(LIMITS.themeJsonBytes)}`;
    const fitted = fitConversationData({ ...data, theme: { ...data.theme, backgroundImageUrl: image } });
    expect(fitted.error?.details).toMatchObject({
      reason: "project-too-large",
      path: "theme",
      limit: LIMITS.themeJsonBytes,
    });
    expect(messageOf(fitted.error, "ko")).toContain("테마가 너무 커요");
    expect(messageOf(fitted.error, "en")).toContain("Use a smaller background image");
  });

  it("answers a project that fits with its data, and anything else with an error, never a throw", () => {
    expect(fitConversationData(conversationData(3)).error).toBeNull();
    for (const junk of [null, 3, "x", [], { title: 5 }]) {
      const fitted = fitConversationData(junk);
      expect(fitted.data).toBeNull();
      expect(fitted.error?.kind).toBe("invalid");
      expect(messageOf(fitted.error, "ko").length).toBeGreaterThan(0);
    }
  });
});
