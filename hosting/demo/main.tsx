// The demo page at the Hosting emulator's root (`npm start`): a small editor of our own built on
// @talkstudio/client/react the way the SPA would use it (sign-in, a live list, autosave, offline,
// conflicts, share links). scripts/emulators.mjs bundles it into hosting/public/demo.js.
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { initializeApp } from "firebase/app";
import { signInWithEmailAndPassword } from "firebase/auth";
import {
  copySharedConversation,
  createConversation,
  createShare,
  createTalkStudio,
  messageOf,
  openShare,
  signInWithGoogle,
  signOut,
  toConversationData,
  type ConversationSummary,
} from "../../client/src/index.js";
import {
  TalkStudioProvider,
  useCacheStatus,
  useConversations,
  useSession,
  useShares,
  useTalkStudio,
} from "../../client/src/react/index.js";
import { DEMO_PROJECTS, DEMO_USER } from "../../dev/demo-projects.js";
import { Editor } from "./editor.js";

const PROJECT_ID = "demo-talkstudio";
const app = initializeApp({
  projectId: PROJECT_ID,
  apiKey: "demo-api-key",
  authDomain: `${PROJECT_ID}.firebaseapp.com`,
});
// The emulators listen where this page came from (the Hosting emulator), on firebase.json's ports.
const ts = createTalkStudio(app, {
  offline: true,
  emulators: { host: location.hostname, hostingPort: Number(location.port) || 5000 },
});

/** The open project is the page's hash (`#proj_…`), so a reload reopens it. */
function useOpenId(): [string | null, (id: string | null) => void] {
  const read = () => decodeURIComponent(location.hash.slice(1)) || null;
  const [id, setId] = useState(read);
  useEffect(() => {
    const follow = () => setId(read());
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
  }, []);
  return [id, (next) => (location.hash = next ? encodeURIComponent(next) : "")];
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const follow = () => setOnline(navigator.onLine);
    addEventListener("online", follow);
    addEventListener("offline", follow);
    return () => (removeEventListener("online", follow), removeEventListener("offline", follow));
  }, []);
  return online;
}

function Badges() {
  const online = useOnline();
  const cache = useCacheStatus();
  return (
    <p className="badges">
      {!online && (
        <span id="offline-badge" className="badge warn">
          오프라인
        </span>
      )}
      <span id="cache" className={`badge${cache.mode === "memory" ? " warn" : ""}`} data-mode={cache.mode}>
        {cache.mode === "persistent"
          ? "이 브라우저에 보관 (탭을 닫아도 유지)"
          : `메모리에만 보관: 탭을 닫으면 오프라인 편집이 사라져요 (${cache.reason})`}
      </span>
    </p>
  );
}

function Session({ say }: { say: (text: string) => void }) {
  const { user, ready } = useSession();
  if (!ready) return <p>불러오는 중…</p>;
  if (user) {
    return (
      <p id="who">
        {user.displayName ?? user.email ?? user.uid} (으)로 로그인했어요.{" "}
        <button id="sign-out" type="button" onClick={() => void signOut(ts).catch((e) => say(messageOf(e)))}>
          로그아웃
        </button>
      </p>
    );
  }
  return (
    <p id="who">
      로그인하지 않았어요.{" "}
      <button
        id="demo-sign-in"
        type="button"
        onClick={() =>
          void signInWithEmailAndPassword(ts.auth, DEMO_USER.email, DEMO_USER.password).catch((e) =>
            say(messageOf(e)),
          )
        }
      >
        데모 사용자로 로그인
      </button>
      <button
        id="google-sign-in"
        type="button"
        onClick={() => void signInWithGoogle(ts).catch((e) => say(messageOf(e)))}
      >
        Google로 로그인 (Auth 에뮬레이터)
      </button>
    </p>
  );
}

function Projects(props: { open: (id: string) => void; say: (text: string) => void }) {
  const { items, loading, error } = useConversations({ pageSize: 50, order: "updated" });
  const { user } = useSession();
  const [password, setPassword] = useState("");
  const share = async (c: ConversationSummary) => {
    const created = await createShare(ts, { conversationId: c.id, ...(password ? { password } : {}) });
    props.say(`공유했어요: ${created.url}${password ? " (비밀번호 보호)" : ""}`);
  };
  const create = async () => {
    const [sample] = DEMO_PROJECTS;
    const data = { ...toConversationData(sample), title: `새 대화 ${new Date().toLocaleTimeString("ko")}` };
    const { id } = await createConversation(ts, data, {
      id: `proj_${Date.now()}_${crypto.randomUUID().slice(0, 7)}`,
    });
    props.open(id);
  };
  if (!user) return <p>로그인하면 여기에 보여요.</p>;
  return (
    <>
      <button
        id="new-project"
        type="button"
        onClick={() => void create().catch((e) => props.say(messageOf(e)))}
      >
        새 대화
      </button>
      <label>
        새 링크의 비밀번호 (비우면 공개){" "}
        <input
          id="password"
          type="text"
          autoComplete="off"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error && <p role="alert">{messageOf(error)}</p>}
      <ul id="conversations">
        {loading && <li>불러오는 중…</li>}
        {!loading && items.length === 0 && <li>대화가 없어요.</li>}
        {items.map((c) => (
          <li key={c.id} data-id={c.id}>
            <a className="title" href={`#${encodeURIComponent(c.id)}`}>
              {c.title}
            </a>
            <span className="meta">
              {c.platformSkin} · {c.messageCount}개
            </span>
            <button type="button" onClick={() => void share(c).catch((e) => props.say(messageOf(e)))}>
              공유
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function Shares({ id }: { id: string }) {
  const { items } = useShares(id);
  return (
    <ul id="shares">
      {items.map((s) => (
        <li key={s.code}>
          <span className="meta">
            {s.passwordProtected ? "비밀번호 · " : ""}
            {s.revokedAt ? "끊김" : `~${s.expiresAt.slice(0, 10)}`} · 조회 {s.viewCount}
          </span>
          <a href={s.url}>열기</a>
        </li>
      ))}
    </ul>
  );
}

/**
 * `/?copy=CODE`: the share page's "내 계정에 복사" lands here. A link can be sent to anyone, so
 * nothing is copied until the visitor has seen what it is (the shared title) and said yes.
 */
function CopyOffer({ code, done }: { code: string; done: () => void }) {
  const ts = useTalkStudio();
  const [title, setTitle] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  useEffect(() => {
    openShare(ts, code).then(
      (shared) => setTitle(shared.title),
      (e: unknown) => setResult(messageOf(e)),
    );
  }, [ts, code]);
  const copy = async () => {
    const { conversationId } = await copySharedConversation(ts, code);
    setResult(`공유된 대화를 내 계정에 복사했어요 (${conversationId}).`);
  };
  return (
    <section id="copy">
      {result ?? (title === null ? "공유된 대화를 불러오는 중…" : null)}
      {!result && title !== null && (
        <>
          <p>공유된 대화 &quot;{title}&quot;을(를) 내 계정에 복사할까요?</p>
          <button
            id="copy-confirm"
            type="button"
            onClick={() => void copy().catch((e) => setResult(messageOf(e)))}
          >
            복사하기
          </button>
          <button id="copy-cancel" type="button" onClick={done}>
            취소
          </button>
        </>
      )}
    </section>
  );
}

function App() {
  const [status, say] = useState("");
  const [openId, open] = useOpenId();
  const { user } = useSession();
  const [copyCode, setCopyCode] = useState(() => new URLSearchParams(location.search).get("copy"));
  useEffect(() => {
    if (copyCode) history.replaceState(null, "", `/${location.hash}`);
  }, [copyCode]);
  return (
    <main>
      <h1>TalkStudio 데모</h1>
      <p className="lead">
        로컬 에뮬레이터 위의 백엔드: 로그인해 대화를 고치면 자동으로 저장되고, 다른 탭과 기기에도 바로 보여요.
        오프라인에서 고친 것도 잃지 않아요.
      </p>
      <Badges />
      <section id="session">
        <Session say={say} />
      </section>
      {user && copyCode && <CopyOffer code={copyCode} done={() => setCopyCode(null)} />}
      <section>
        <h2>내 대화</h2>
        <Projects open={open} say={say} />
      </section>
      {user && openId && (
        <section>
          <Editor key={`${user.uid}/${openId}`} id={openId} uid={user.uid} close={() => open(null)} />
          <h3>이 대화의 공유 링크</h3>
          <Shares id={openId} />
        </section>
      )}
      <p id="status" role="status">
        {status}
      </p>
    </main>
  );
}

createRoot(document.getElementById("app")!).render(
  <StrictMode>
    <TalkStudioProvider ts={ts}>
      <App />
    </TalkStudioProvider>
  </StrictMode>,
);
