import { describe, expect, it } from "vitest";
import { importedConversationId } from "../../client/src/index.js";
import { unescapeHtml } from "../../client/src/migration/html-entities.js";
import { normalisePlatformSkin, normaliseThemeId } from "../../client/src/migration/normalise.js";

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
