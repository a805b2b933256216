// The sync engine's pure core, event by event (client/src/sync/engine-core.ts). The simulator
// (tests/sim) runs it over thousands of histories; these pin single rules.
import { describe, expect, it } from "vitest";
import {
  initialState,
  isIdle,
  step,
  type CoreEvent,
  type CoreState,
} from "../../client/src/sync/engine-core.js";
import type { ConversationData, TextMessage } from "../../client/src/schema/index.js";
import { TalkStudioError } from "../../client/src/talkstudio-error.js";
import { conversationData, setText, textOf } from "../support/conversation-data.js";

const data = conversationData(3);
const open = (sameEdits?: "ask" | "last-save-wins") =>
  initialState({ config: { uid: "me", ownerUid: "me", sameEdits }, synced: { revision: 1, data } });

function run(state: CoreState, ...events: CoreEvent[]) {
  const effects = [];
  for (const event of events) {
    const result = step(state, event);
    state = result.state;
    effects.push(...result.effects);
  }
  return { state, effects };
}

describe("the sync engine's core", () => {
  it("shows a newest state that does not fit as its error, and saves the last that fitted", () => {
    const fits = setText("msg-1", "fits")(data);
    const error = new TalkStudioError("invalid", "too long");
    let { state, effects } = run(
      open(),
      { type: "update", data: fits, now: 0 },
      { type: "local-refused", error },
    );
    expect(state.status).toEqual({ state: "error", revision: 1, pending: true, error });
    ({ state, effects } = run(state, { type: "timer" }));
    const write = effects.find((e) => e.type === "write");
    expect(write && textOf(write.data, "msg-1")).toBe("fits");
    // Still saving underneath: flush() waits for it.
    expect(state.status.state).toBe("error");
    expect(isIdle(state)).toBe(false);
    ({ state } = run(state, { type: "saved" }));
    expect(state.status).toMatchObject({ state: "error", revision: 2, pending: true });
    expect(isIdle(state)).toBe(true);
    ({ state, effects } = run(state, { type: "local-refused", error: null }));
    expect(state.status).toEqual({ state: "saved", revision: 2, pending: false });
    expect(effects).toEqual([{ type: "status", status: state.status }]);
  });

  it("takes a missing document from the cache for no deletion; the server's says deleted, and a later copy clears it", () => {
    let { state } = run(open(), { type: "snapshot", copy: null, fromCache: true, pending: false });
    expect(state.status.state).toBe("saved");
    ({ state } = run(state, { type: "snapshot", copy: null, fromCache: false, pending: false }));
    expect(state.status).toMatchObject({ state: "error", error: { kind: "not-found" } });
    ({ state } = run(state, {
      type: "snapshot",
      copy: { revision: 1, data },
      fromCache: false,
      pending: false,
    }));
    expect(state.status.state).toBe("saved");
  });

  it("overwrites their text only once the history answers it kept it", () => {
    const mine = setText("msg-1", "mine")(data);
    const theirs = { revision: 2, data: setText("msg-1", "theirs")(data) };
    let { state, effects } = run(
      open("last-save-wins"),
      { type: "update", data: mine, now: 0 },
      { type: "snapshot", copy: theirs, fromCache: false, pending: false },
    );
    expect(effects).toContainEqual({ type: "save-version", revision: 2 });
    // The conversation moved on to revision 3 before the function ran: nothing of 2 was kept.
    ({ state, effects } = run(state, { type: "version-kept", revision: 2, versionId: null }));
    expect(effects.filter((e) => e.type === "write")).toEqual([]);
    expect(state.status.state).toBe("conflict");
    // Revision 3 arrives and is kept: only then is mine saved over it.
    const third = { revision: 3, data: setText("msg-2", "other")(theirs.data) };
    ({ state, effects } = run(state, { type: "snapshot", copy: third, fromCache: false, pending: false }));
    expect(effects).toContainEqual({ type: "save-version", revision: 3 });
    ({ state, effects } = run(state, { type: "version-kept", revision: 3, versionId: "r3" }));
    const write = effects.find((e) => e.type === "write");
    expect(write && textOf(write.data, "msg-1")).toBe("mine");
    expect(write && textOf(write.data, "msg-2")).toBe("other");
  });

  it("counts remote changes and ignores an editor putting back the text a remote change replaced", () => {
    const theirs = { revision: 2, data: setText("msg-1", "their edit")(data) };
    let { state } = run(open(), { type: "snapshot", copy: theirs, fromCache: false, pending: false });
    expect(state.remoteRevision).toBe(1);
    // A stale input hands back the old text: not the user's edit, the remote text stays.
    ({ state } = run(state, { type: "update", data, now: 0 }));
    expect(textOf(state.local, "msg-1")).toBe(textOf(theirs.data, "msg-1"));
    expect(state.status.state).toBe("saved");
    // The user typing there is an edit like any other.
    ({ state } = run(state, { type: "update", data: setText("msg-1", "typed")(theirs.data), now: 0 }));
    expect(textOf(state.local, "msg-1")).toBe("typed");
  });

  it("opened on a closed tab's queued write, drops none of it when the server moved on without it", () => {
    // The SDK's view: revision 2 is a write a closed tab left queued, not yet the server's.
    const queued = { revision: 2, data: setText("msg-1", "queued")(data) };
    const opened = initialState({ config: { uid: "me", ownerUid: "me" }, synced: queued });
    let { state } = run(opened, { type: "snapshot", copy: queued, fromCache: true, pending: true });
    expect(state.unconfirmed).toBe(true);
    // The server refused it and moved on: revision 3 is someone else's edit of msg-2.
    const server = { revision: 3, data: setText("msg-2", "theirs")(data) };
    ({ state } = run(state, { type: "snapshot", copy: server, fromCache: false, pending: false }));
    expect(state.status.state).toBe("conflict");
    expect(textOf(state.local, "msg-1")).toBe("queued");
    // Had the server confirmed the copy, a newer one merges over it as usual.
    ({ state } = run(
      opened,
      { type: "snapshot", copy: queued, fromCache: true, pending: true },
      { type: "snapshot", copy: queued, fromCache: false, pending: false },
      {
        type: "snapshot",
        copy: { revision: 3, data: setText("msg-2", "theirs")(queued.data) },
        fromCache: false,
        pending: false,
      },
    ));
    expect(state.status.state).toBe("saved");
    expect([textOf(state.local, "msg-1"), textOf(state.local, "msg-2")]).toEqual(["queued", "theirs"]);
    // Nothing is saved over the copy until the server holds it: its revision 2 may be another copy.
    let effects;
    ({ state, effects } = run(
      opened,
      { type: "snapshot", copy: queued, fromCache: true, pending: true },
      { type: "update", data: setText("msg-2", "typed")(queued.data), now: 0 },
      { type: "timer" },
    ));
    expect(effects.filter((e) => e.type === "write")).toEqual([]);
    ({ state, effects } = run(state, { type: "snapshot", copy: queued, fromCache: false, pending: false }));
    expect(effects.find((e) => e.type === "write")).toMatchObject({ expectedRevision: 2 });
  });

  it("takes a field put back by a control that reads the store (a speaker switched back) as an edit", () => {
    const speaker =
      (role: "me" | "other") =>
      (d: ConversationData): ConversationData => ({
        ...d,
        conversation: {
          ...d.conversation,
          messages: d.conversation.messages.map((m) =>
            m.id === "msg-1" ? { ...m, role, authorId: role } : m,
          ),
        },
      });
    const roleOf = (d: ConversationData) =>
      (d.conversation.messages.find((m) => m.id === "msg-1") as TextMessage).role;
    const mine = roleOf(data);
    const theirRole = mine === "me" ? "other" : "me";
    // They switch the speaker; I switch it back: my choice, saved.
    const switched = { revision: 2, data: speaker(theirRole)(data) };
    let { state } = run(open(), { type: "snapshot", copy: switched, fromCache: false, pending: false });
    ({ state } = run(state, { type: "update", data, now: 0 }));
    expect(roleOf(state.local)).toBe(mine);
    expect(state.status.state).toBe("saving");
    // They switch the speaker and edit the text; I switch the speaker back, and a stale text input
    // beside it hands back the old text: their text stays, my speaker too.
    const both = { revision: 2, data: setText("msg-1", "their edit")(switched.data) };
    ({ state } = run(open(), { type: "snapshot", copy: both, fromCache: false, pending: false }));
    ({ state } = run(state, { type: "update", data: setText("msg-1", "their edit")(data), now: 0 }));
    ({ state } = run(state, { type: "update", data, now: 0 }));
    expect(roleOf(state.local)).toBe(mine);
    expect(textOf(state.local, "msg-1")).toBe("their edit");
  });
});
