// @vitest-environment happy-dom
// @talkstudio/client/react-ui rendered by react-dom into happy-dom's document against the emulators:
// what a person reads (no ids, uids or JSON), Korean by default and English by prop, the keyboard in
// the dialogs, and the calls the share and invite dialogs make.
import { act, createElement, type ReactElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createConversation,
  getConversation,
  listShares,
  type ConversationData,
  type MergeConflict,
  type MigrationResult,
  type TalkStudio,
  type TextMessage,
} from "../../client/src/index.js";
import { TalkStudioProvider } from "../../client/src/react/index.js";
import {
  CloudStatusBadge,
  ConflictDialog,
  InviteDialog,
  MigrationReport,
  ShareDialog,
} from "../../client/src/react-ui/index.js";
import { toSpaProject } from "../../client/src/spa/index.js";
import { conversationData } from "../support/conversation-data.js";
import { clearAuth, clearFirestore, closeClients } from "../support/emulators.js";
import { eventually } from "../support/eventually.js";
import { person } from "../support/members.js";

const roots: Root[] = [];
beforeEach(() => Promise.all([clearFirestore(), clearAuth()]));
afterEach(() => {
  roots.splice(0).forEach((r) => r.unmount());
  document.body.innerHTML = "";
});
afterAll(closeClients);

/** Renders `element` under a provider for `ts` into the document; returns its container. */
function render(ts: TalkStudio, element: ReactElement): HTMLElement {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  roots.push(root);
  act(() => root.render(createElement(TalkStudioProvider, { ts }, element)));
  return container;
}

const until = <T>(check: () => T | undefined | false | null) =>
  eventually(() => Promise.resolve(check() || undefined), 15_000);

function click(element: Element | null | undefined) {
  if (!(element instanceof HTMLElement)) throw new Error("Nothing to click.");
  act(() => element.click());
}

function type(input: Element | null, value: string) {
  if (!(input instanceof HTMLInputElement || input instanceof HTMLSelectElement))
    throw new Error("No field.");
  // React follows a field's value through its own tracker: set it as the browser would, past that.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), "value")!.set!;
  act(() => {
    setter.call(input, value);
    input.dispatchEvent(
      new Event(input instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }),
    );
  });
}

const buttonNamed = (root: ParentNode, text: string) =>
  [...root.querySelectorAll("button")].find((b) => b.textContent?.includes(text));

/** A conversation where Bob (a member) and the signed-in owner both edited message 2. */
function conflictOn(data: ConversationData, myUid: string, bobUid: string): MergeConflict {
  const base = data.conversation.messages[1] as TextMessage;
  return {
    kind: "message",
    id: base.id,
    base,
    mine: { ...base, text: "내가 고친 두 번째 줄", editedBy: myUid },
    theirs: { ...base, text: "밥이 고친 두 번째 줄", editedBy: bobUid },
  };
}

describe("@talkstudio/client/react-ui", () => {
  it("ConflictDialog says which message, both texts and whose, never ids, uids or JSON", async () => {
    const ts = await person("Alice");
    const bobUid = "bobUid1234567890bobUid12";
    const data = conversationData(4);
    let chosen = "";
    const conflict = {
      conflicts: [
        conflictOn(data, ts.uid, bobUid),
        { kind: "field", path: "title", base: "a", mine: "우리 반 단톡", theirs: "동창회" } as const,
      ],
      keepMine: () => (chosen = "mine"),
      takeTheirs: () => (chosen = "theirs"),
    };
    const members = [
      { uid: ts.uid, displayName: "Alice" },
      { uid: bobUid, displayName: "Bob" },
    ];
    const view = render(ts, createElement(ConflictDialog, { conflict, data, members }));
    await until(() => view.querySelector(".ts-conflict-dialog"));
    const dialog = view.querySelector("[role=dialog]")!;
    const text = dialog.textContent;
    const speaker = data.conversation.authors.find(
      (a) => a.id === (data.conversation.messages[1] as TextMessage).authorId,
    )!.name;
    expect(text).toContain(`2번째 메시지 · ${speaker}`);
    expect(text).toContain("내가 고친 두 번째 줄");
    expect(text).toContain("밥이 고친 두 번째 줄");
    expect(text).toContain("Bob이(가) 쓴 글");
    expect(text).toContain("대화 제목");
    expect(text).not.toContain(data.conversation.messages[1]!.id);
    expect(text).not.toContain(bobUid);
    expect(text).not.toContain(ts.uid);
    expect(text).not.toMatch(/[{}]/);
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    // Escape does not dismiss it: one side must be chosen.
    act(() => {
      dialog.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    });
    expect(view.querySelector(".ts-conflict-dialog")).not.toBeNull();
    click(view.querySelector(".ts-keep-mine"));
    expect(chosen).toBe("mine");
  });

  it('speaks English with locale="en"', async () => {
    const ts = await person("Alice");
    const data = conversationData(4);
    const conflict = { conflicts: [conflictOn(data, ts.uid, "x")], keepMine: () => {}, takeTheirs: () => {} };
    const view = render(
      ts,
      createElement("div", null, [
        createElement(ConflictDialog, { key: 1, conflict, data, locale: "en" }),
        createElement(CloudStatusBadge, {
          key: 2,
          status: { state: "saved", revision: 3, pending: false },
          locale: "en",
        }),
      ]),
    );
    await until(() => view.querySelector(".ts-conflict-dialog"));
    expect(view.textContent).toContain("Message #2");
    expect(view.textContent).toContain("Keep this device's");
    expect(view.querySelector(".ts-status-badge")?.textContent).toContain("Saved to the cloud");
  });

  it("MigrationReport says what was refused and why, in words", async () => {
    const ts = await person("Alice");
    const result: MigrationResult = {
      imported: [{ source: "talkstudio_projects", key: "p1", conversationId: "p1", title: "옮긴 대화" }],
      skipped: [
        {
          source: "talkstudio_projects",
          key: "p2",
          conversationId: "p2",
          title: "아주 긴 대화",
          reason: "over-limit",
          detail: "conversation.messages.12.text: must be at most 1000 characters",
          issues: [{ path: "conversation.messages.12.text", message: "must be at most 1000 characters" }],
        },
      ],
      failed: [],
    };
    const view = render(ts, createElement(MigrationReport, { result, onClose: () => {} }));
    await until(() => view.querySelector(".ts-migration-report"));
    const text = view.textContent;
    expect(text).toContain("1개를 옮겼어요");
    expect(text).toContain("아주 긴 대화");
    expect(text).toContain("대화가 너무 커요");
    expect(text).toContain("13번째 메시지 · 글: 1,000자까지 쓸 수 있어요");
    expect(text).not.toContain("conversation.messages");
  });

  it("ShareDialog creates a password link, lists it with its views, and revokes it; Escape returns focus", async () => {
    const ts = await person("Alice");
    const { id } = await createConversation(ts, conversationData(3, "공유할 대화"));
    const opener = document.createElement("button");
    document.body.append(opener);
    opener.focus();
    let closed = false;
    const view = render(
      ts,
      createElement(ShareDialog, {
        conversationId: id,
        title: "공유할 대화",
        onClose: () => (closed = true),
      }),
    );
    await until(() => view.querySelector(".ts-share-dialog"));
    // The first control of the body has the focus; Tab from the last wraps to the first.
    expect(document.activeElement?.tagName).toBe("SELECT");
    type(view.querySelector(".ts-share-password"), "초록-고래-42-바다");
    click(view.querySelector(".ts-share-create-button"));
    await until(() => view.querySelector(".ts-share-created input"));
    const [share] = (await listShares(ts, { conversationId: id })).items;
    expect(share).toMatchObject({ passwordProtected: true, allowDownload: true });
    expect((view.querySelector(".ts-share-created input") as HTMLInputElement).value).toBe(share!.url);
    await until(() => view.querySelector(".ts-share[data-live=true]"));
    expect(view.querySelector(".ts-share")?.textContent).toContain("조회 0회");
    click(buttonNamed(view.querySelector(".ts-share")!, "링크 끊기"));
    await until(() => view.querySelector(".ts-share[data-live=false]"));
    expect((await listShares(ts, { conversationId: id })).items[0]?.revokedAt).not.toBeNull();

    const dialog = view.querySelector("[role=dialog]")!;
    act(() => {
      dialog.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    });
    expect(closed).toBe(true);
  });

  it("InviteDialog makes an editor link and lists the members by name", async () => {
    const ts = await person("Alice");
    const { id } = await createConversation(ts, conversationData(2));
    const view = render(ts, createElement(InviteDialog, { conversationId: id, onClose: () => {} }));
    await until(() => view.querySelector(".ts-member[data-role=owner]"));
    expect(view.querySelector(".ts-member")?.textContent).toContain("나");
    click(view.querySelector(".ts-invite-create-button"));
    await until(() => view.querySelector<HTMLInputElement>(".ts-copy-field input")?.value);
    expect((view.querySelector(".ts-copy-field input") as HTMLInputElement).value).toMatch(/\/\?invite=/);
    expect(view.textContent).not.toContain(ts.uid);
  });
});

describe("toSpaProject", () => {
  it("keeps the project's title as typed on a second device", async () => {
    const ts = await person("Alice");
    const { id } = await createConversation(ts, conversationData(1, `"따옴표" &`));
    expect(toSpaProject(await getConversation(ts, id)).title).toBe(`"따옴표" &`);
  });
});
