import { describe, expect, it } from "vitest";
import { importedConversationId, LIMITS } from "../../client/src/index.js";
import { spaDatetime } from "../../client/src/migration/datetime.js";
import { unescapeHtml } from "../../client/src/migration/html-entities.js";
import {
  normaliseMessage,
  normalisePlatformSkin,
  normaliseThemeId,
} from "../../client/src/migration/normalise.js";

describe("unescapeHtml", () => {
  it.each([
    ["I&#x27;m", "I'm"],
    ["&lt;3 &amp; &quot;hi&quot; &#39;", `<3 & "hi" '`],
    ["&#x1F44D; &#128512;", "👍 😀"],
    ["&amp;lt;b&amp;gt;", "&lt;b&gt;"],
    ["&unknown; &#xD800; & alone", "&unknown; &#xD800; & alone"],
    ["한글은 그대로", "한글은 그대로"],
  ])("%s → %s", (escaped, plain) => {
    expect(unescapeHtml(escaped)).toBe(plain);
  });
});

describe("platform skins and theme ids", () => {
  it("normalises the AI generator's aliases and keeps unknown values for the schema to refuse", () => {
    expect(
      ["kakaotalk", "KakaoTalk", "instagram", "kakao-shorts", "telegram"].map(normalisePlatformSkin),
    ).toEqual(["kakao", "kakao", "insta", "kakao", "telegram"]);
    expect(normalisePlatformSkin("line")).toBe("line");
    expect(["instagram-shorts", "kakao", "custom-7"].map(normaliseThemeId)).toEqual([
      "insta-shorts",
      "kakao",
      "custom-7",
    ]);
  });
});

describe("importedConversationId", () => {
  it("is deterministic, differs by source and key, and is a valid document id for any name", async () => {
    const a = await importedConversationId("talkstudio_conversations", "work/side project ..");
    expect(a).toBe(await importedConversationId("talkstudio_conversations", "work/side project .."));
    expect(a).toMatch(/^ls-c-[0-9a-f]{32}$/);
    expect(await importedConversationId("talkstudio_projects", "work/side project ..")).toMatch(/^ls-p-/);
    expect(await importedConversationId("talkstudio_projects", "proj_1")).not.toBe(
      await importedConversationId("talkstudio_projects", "proj_2"),
    );
  });
});

describe("spaDatetime: every time form the SPA leaves, as its own 'YYYY-MM-DD 오후 H:MM'", () => {
  const day = new Date("2025-03-14T03:00:00Z"); // 2025-03-14 in Korea
  it.each([
    ["2024-12-10 오전 09:00", "2024-12-10 오전 09:00"], // already the SPA's form: kept exactly
    ["2025-03-14 2025-03-14 2025-03-14 오후 6:58", "2025-03-14 오후 6:58"], // the time box's keystrokes
    ["2025-03-14T03:13:03.263Z", "2025-03-14 오후 12:13"], // an AI batch result's ISO time, in Korea
    ["2025-03-14T15:05:00.000Z", "2025-03-15 오전 12:05"], // …which may be the next day there
    ["오후 02:30", "2025-03-14 오후 2:30"], // toLocaleTimeString("ko-KR"), dated by the project
    ["PM 12:12", "2025-03-14 오후 12:12"], // the same from a browser without Korean locale data
    ["23:05", "2025-03-14 오후 11:05"], // a spreadsheet's 24-hour time
    ["2025/1/5 14:30", "2025-01-05 오후 2:30"],
    ["0:05", "2025-03-14 오전 12:05"],
    ["", ""],
    ["어제 밤", "어제 밤"], // free text that names no time stays as typed
    ["가".repeat(40), "가".repeat(LIMITS.datetimeChars)],
  ])("%s → %s", (stored, expected) => {
    expect(spaDatetime(stored, day)).toBe(expected);
  });
});

describe("text the SPA cut in the middle of an emoji", () => {
  it("keeps the text, the dangling half surrogate becoming U+FFFD", () => {
    const cut = `${"가".repeat(999)}😀`.slice(0, 1000); // what sanitizeText's substring(0, 1000) leaves
    const message = normaliseMessage({ id: "m", role: "me", authorId: "me", text: cut, datetime: "" }, 0, {
      day: new Date(),
      authors: [],
    }) as { text: string };
    expect(message.text).toBe(`${"가".repeat(999)}\uFFFD`);
    expect(() => encodeURIComponent(message.text)).not.toThrow(); // throws on a lone surrogate
  });
});
