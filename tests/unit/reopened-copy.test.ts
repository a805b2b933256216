// After a reload the editor's copy is compared with the marks it kept while synced.
import { describe, expect, it } from "vitest";
import { conversationDigest } from "../../client/src/index.js";
import { reopenedCopy } from "../../client/src/sync/reopened-copy.js";
import { conversationData } from "../support/conversation-data.js";

describe("reopenedCopy", () => {
  const [older, newer, edited] = [conversationData(2), conversationData(3), conversationData(4)];
  const marks = [
    { revision: 4, digest: conversationDigest(older) },
    { revision: 7, digest: conversationDigest(newer) },
  ];

  it("is unchanged at the revision of the mark it still matches", () => {
    expect(reopenedCopy(older, { synced: marks })).toEqual({ data: older, revision: 4, unchanged: true });
  });

  it("is edited after the newest mark when it matches none", () => {
    expect(reopenedCopy(edited, { synced: marks })).toEqual({ data: edited, revision: 7, unchanged: false });
  });

  it("takes the revision the editor kept when it keeps no marks", () => {
    expect(reopenedCopy(edited, { syncedRevision: 9 })).toMatchObject({ revision: 9, unchanged: false });
  });
});
