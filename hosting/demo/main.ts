// The demo page at the Hosting emulator's root (`npm start`): the whole product in one tab, built
// on @talkstudio/client. scripts/emulators.mjs bundles it into hosting/public/demo.js.
import { initializeApp } from "firebase/app";
import { signInWithEmailAndPassword } from "firebase/auth";
import {
  copySharedConversation,
  createShare,
  createTalkStudio,
  listConversations,
  listShares,
  onUserChanged,
  openShare,
  signInWithGoogle,
  signOut,
  TalkStudioError,
  type ConversationSummary,
} from "../../client/src/index.js";
import { DEMO_USER } from "../../dev/demo-projects.js";

const PROJECT_ID = "demo-talkstudio";
const app = initializeApp({
  projectId: PROJECT_ID,
  apiKey: "demo-api-key",
  authDomain: `${PROJECT_ID}.firebaseapp.com`,
});
// The emulators listen where this page came from (the Hosting emulator), on firebase.json's ports.
const ts = createTalkStudio(app, {
  emulators: { host: location.hostname, hostingPort: Number(location.port) || 5000 },
});

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = byId<HTMLParagraphElement>("status");
const say = (text: string) => (status.textContent = text);
const problem = (error: unknown) =>
  say(error instanceof TalkStudioError ? `${error.kind}: ${error.message}` : String(error));

function item(...children: (Node | string)[]): HTMLLIElement {
  const li = document.createElement("li");
  li.append(...children);
  return li;
}
function button(label: string, onClick: () => Promise<void>): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.addEventListener("click", () => {
    b.disabled = true;
    onClick()
      .catch(problem)
      .finally(() => (b.disabled = false));
  });
  return b;
}
function link(url: string, text = url): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = url;
  a.textContent = text;
  return a;
}
function span(text: string, className: string): HTMLSpanElement {
  const s = document.createElement("span");
  s.className = className;
  s.textContent = text;
  return s;
}

async function share(conversation: ConversationSummary): Promise<void> {
  const password = byId<HTMLInputElement>("password").value;
  const created = await createShare(ts, {
    conversationId: conversation.id,
    ...(password ? { password } : {}),
  });
  say(`공유했어요: ${created.url}${password ? " (비밀번호 보호)" : ""}`);
  await showShares();
}

async function showConversations(): Promise<void> {
  const { items } = await listConversations(ts, { pageSize: 50 });
  byId("conversations").replaceChildren(
    ...(items.length === 0
      ? [item("대화가 없어요.")]
      : items.map((c) =>
          item(
            span(c.title, "title"),
            span(`${c.platformSkin} · ${c.messageCount}개`, "meta"),
            button("공유", () => share(c)),
          ),
        )),
  );
}

async function showShares(): Promise<void> {
  const { items } = await listShares(ts, { pageSize: 50 });
  byId("shares").replaceChildren(
    ...items.map((s) =>
      item(
        span(s.title, "title"),
        span(
          `${s.passwordProtected ? "비밀번호 · " : ""}${s.revokedAt ? "끊김" : `~${s.expiresAt.slice(0, 10)}`} · 조회 ${s.viewCount}`,
          "meta",
        ),
        link(s.url, "열기"),
      ),
    ),
  );
}

/**
 * `/?copy=CODE`: the share page's "내 계정에 복사" lands here. A link can be sent to anyone, so
 * nothing is copied until the visitor has seen what it is (the shared title) and said yes.
 */
async function offerCopyFromLink(): Promise<void> {
  const code = new URLSearchParams(location.search).get("copy");
  if (!code) return;
  history.replaceState(null, "", "/");
  const section = byId("copy");
  section.hidden = false;
  section.textContent = "공유된 대화를 불러오는 중…";
  const { title } = await openShare(ts, code);
  const question = document.createElement("p");
  question.textContent = `공유된 대화 "${title}"을(를) 내 계정에 복사할까요?`;
  const confirm = button("복사하기", async () => {
    const { conversationId } = await copySharedConversation(ts, code);
    section.textContent = `공유된 대화를 내 계정에 복사했어요 (${conversationId}).`;
    await showConversations();
  });
  confirm.id = "copy-confirm";
  const cancel = button("취소", () => {
    section.hidden = true;
    return Promise.resolve();
  });
  cancel.id = "copy-cancel";
  section.replaceChildren(question, confirm, cancel);
}

byId("demo-sign-in").addEventListener("click", () => {
  signInWithEmailAndPassword(ts.auth, DEMO_USER.email, DEMO_USER.password).catch(problem);
});
byId("google-sign-in").addEventListener("click", () => {
  signInWithGoogle(ts).catch(problem);
});
byId("sign-out").addEventListener("click", () => {
  signOut(ts).catch(problem);
});

onUserChanged(ts, (user) => {
  byId("who").textContent = user
    ? `${user.displayName ?? user.email ?? user.uid} (으)로 로그인했어요.`
    : "로그인하지 않았어요.";
  byId("sign-out").hidden = user === null;
  for (const id of ["demo-sign-in", "google-sign-in"]) byId(id).hidden = user !== null;
  if (!user) {
    byId("conversations").replaceChildren(item("로그인하면 여기에 보여요."));
    byId("shares").replaceChildren();
    return;
  }
  showConversations().then(showShares).then(offerCopyFromLink).catch(problem);
});
