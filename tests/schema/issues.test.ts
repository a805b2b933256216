// The client ships zod/mini, which words no issue itself: issuesOf words them (pure, no emulator).
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  conversationData as conversationSchema,
  createShareInput,
  issuesOf,
  LIMITS,
  openShareInput,
  profileUpdateInput,
  updateShareInput,
} from "../../client/src/index.js";
import { conversationData } from "../support/conversation-data.js";

function issues(schema: { safeParse: (v: unknown) => { error?: unknown } }, value: unknown) {
  const { error } = schema.safeParse(value);
  if (!error) throw new Error("expected a validation error");
  return issuesOf(error as Parameters<typeof issuesOf>[0]);
}

describe("issuesOf", () => {
  it("words every kind of issue our schemas report, with the path to it", () => {
    const data = conversationData(1);
    const message = data.conversation.messages[0]!;
    const tooLong = { ...message, text: "가".repeat(LIMITS.messageTextChars + 1) };
    expect(
      issues(conversationSchema, { ...data, conversation: { ...data.conversation, messages: [tooLong] } }),
    ).toEqual([{ path: "conversation.messages.0.text", message: "must be at most 1000 characters" }]);
    expect(
      issues(conversationSchema, {
        ...data,
        conversation: { ...data.conversation, messages: [{ id: "m" }] },
      }),
    ).toEqual([{ path: "conversation.messages.0", message: "matches none of the allowed forms" }]);
    expect(issues(conversationSchema, { ...data, title: 7 })).toEqual([
      { path: "title", message: "expected string" },
    ]);
    expect(
      issues(conversationSchema, { ...data, conversation: { ...data.conversation, platformSkin: "line" } }),
    ).toEqual([
      { path: "conversation.platformSkin", message: 'must be "kakao" or "discord" or "telegram" or "insta"' },
    ]);
    expect(issues(createShareInput, { conversationId: "c1", extra: 1, more: 2 })).toEqual([
      { path: "", message: "unknown fields: extra, more" },
    ]);
    expect(issues(createShareInput, { conversationId: "c1", expiresInHours: 0 })).toEqual([
      { path: "expiresInHours", message: "must be at least 1" },
    ]);
    expect(issues(openShareInput, { code: "A".repeat(22), password: "x".repeat(129) })).toEqual([
      { path: "password", message: "must be at most 128 characters" },
    ]);
  });

  it('never names a class (a minifier renames them: "Input not instance of e")', () => {
    class e {}
    expect(issues(z.object({ updatedAt: z.instanceof(e) }), { updatedAt: null })).toEqual([
      { path: "updatedAt", message: "has the wrong type" },
    ]);
  });

  it("keeps the messages our schemas give themselves", () => {
    expect(issues(openShareInput, { code: "short" })).toEqual([
      { path: "code", message: "must be a share code (22 characters)" },
    ]);
    expect(issues(updateShareInput, { code: "A".repeat(22) })).toEqual([
      { path: "", message: "Nothing to update." },
    ]);
    expect(issues(profileUpdateInput, { photoURL: "http://example.com/me.png" })).toEqual([
      { path: "photoURL", message: "must be an https URL" },
    ]);
  });
});
