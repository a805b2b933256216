// The demo page at the Hosting emulator's root (`npm start`): a small editor of our own built on
// @talkstudio/client/react the way the SPA would use it (sign-in, a live list, autosave, offline,
// conflicts, share links, editing together through invite links). scripts/emulators.mjs bundles it
// into hosting/public/demo.js.
import { StrictMode, useCallback, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { initializeApp } from "firebase/app";
import { createUserWithEmailAndPassword, signInWithEmailAndPassword, updateProfile } from "firebase/auth";
import {
  copySharedConversation,
  createConversation,
  createTalkStudio,
  getMyProfile,
  messageOf,
  migrateLocalStorage,
  openShare,
  toConversationData,
  updateMyProfile,
  type ConversationRole,
  type MigrationResult,
  type SharedConversationSummary,
} from "../../client/src/index.js";
import {
  TalkStudioProvider,
  type Loaded,
  useCacheStatus,
  useConversations,
  useSession,
  useSharedWithMe,
  useTalkStudio,
} from "../../client/src/react/index.js";
import {
  AccountMenu,
  InviteAcceptDialog,
  MigrationReport,
  ShareDialog,
} from "../../client/src/react-ui/index.js";
import { DEMO_PROJECTS, DEMO_USER } from "../../dev/demo-projects.js";
import { Editor, type OpenTarget } from "./editor.js";
import { Collaboration } from "./collaboration.js";

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

/** The page's hash for an open conversation: `#id`, or `#ownerUid/id` for one shared with the user. */
const hashOf = (open: OpenTarget) =>
  `#${encodeURIComponent(open.ownerUid ? `${open.ownerUid}/${open.id}` : open.id)}`;

/** The open project is the page's hash, so a reload reopens it (ids never hold a `/`). */
function useOpen(): [OpenTarget | null, (open: OpenTarget | null) => void] {
  const read = (): OpenTarget | null => {
    const [first, second] = decodeURIComponent(location.hash.slice(1)).split("/");
    if (!first) return null;
    return second ? { ownerUid: first, id: second } : { id: first };
  };
  const [open, setOpen] = useState(read);
  useEffect(() => {
    const follow = () => setOpen(read());
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
  }, []);
  const go = useCallback((next: OpenTarget | null) => (location.hash = next ? hashOf(next) : ""), []);
  return [open, go];
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

/** The demo's own ways in: the seeded demo user, or someone new for editing together. */
function DemoSignIn({ say }: { say: (text: string) => void }) {
  return (
    <>
      <button
        id="demo-sign-in"
        type="button"
        className="ts-button"
        onClick={() =>
          void signInWithEmailAndPassword(ts.auth, DEMO_USER.email, DEMO_USER.password).catch((e) =>
            say(messageOf(e)),
          )
        }
      >
        데모 사용자로 로그인
      </button>
      <GuestSignIn say={say} />
    </>
  );
}

/**
 * Who is signed in and the way out (AccountMenu); signed out, the Auth emulator's Google and GitHub
 * sign-in plus the demo's own (inside the invite dialog instead while one is open).
 */
function Session({ say, inviting }: { say: (text: string) => void; inviting: boolean }) {
  const { user, ready } = useSession();
  return (
    <div id="who" className="row" data-uid={user?.uid ?? ""}>
      <AccountMenu providers={["google", "github"]} onError={(e) => say(messageOf(e))} />
      {ready && !user && !inviting && <DemoSignIn say={say} />}
    </div>
  );
}

/**
 * Moves the projects this browser's LocalStorage holds in the SPA's format to the cloud, then says
 * what moved and what was refused and why (MigrationReport).
 */
function Migrate({ say }: { say: (text: string) => void }) {
  const [result, setResult] = useState<MigrationResult | null>(null);
  const run = async () => setResult(await migrateLocalStorage(ts, localStorage));
  return (
    <>
      <button
        id="migrate"
        type="button"
        className="ts-button"
        onClick={() => void run().catch((e) => say(messageOf(e)))}
      >
        이 브라우저의 대화 옮기기 (move this browser&apos;s projects)
      </button>
      {result && <MigrationReport result={result} onClose={() => setResult(null)} />}
    </>
  );
}

/**
 * A second person for editing together: a new Auth emulator account with the name typed (another
 * browser, or a private window, opens the invite link and signs in here).
 */
function GuestSignIn({ say }: { say: (text: string) => void }) {
  const [name, setName] = useState("");
  const signUp = async () => {
    const email = `guest-${crypto.randomUUID().slice(0, 8)}@talkstudio.test`;
    const { user } = await createUserWithEmailAndPassword(ts.auth, email, crypto.randomUUID());
    const displayName = name || email;
    // The Auth account's name (presence shows it) and the profile's (listMembers shows that one),
    // once the onUserCreated trigger has made the profile.
    await updateProfile(user, { displayName });
    for (let tries = 0; !(await getMyProfile(ts)); tries++) {
      if (tries === 40) throw new Error("No profile was made for the new account.");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await updateMyProfile(ts, { displayName });
  };
  return (
    <span className="guest">
      <input
        id="guest-name"
        placeholder="이름 (name)"
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button
        id="guest-sign-in"
        type="button"
        className="ts-button"
        onClick={() => void signUp().catch((e) => say(messageOf(e)))}
      >
        새 사람으로 로그인 (sign in as someone new)
      </button>
    </span>
  );
}

function Projects(props: { open: (open: OpenTarget) => void; say: (text: string) => void }) {
  const { items, loading, error } = useConversations({ pageSize: 50, order: "updated" });
  const { user } = useSession();
  const [sharing, setSharing] = useState<{ id: string; title: string } | null>(null);
  const create = async () => {
    const [sample] = DEMO_PROJECTS;
    const data = { ...toConversationData(sample), title: `새 대화 ${new Date().toLocaleTimeString("ko")}` };
    const { id } = await createConversation(ts, data, {
      id: `proj_${Date.now()}_${crypto.randomUUID().slice(0, 7)}`,
    });
    props.open({ id });
  };
  if (!user) return <p>로그인하면 여기에 보여요.</p>;
  return (
    <>
      <Migrate say={props.say} />
      <button
        id="new-project"
        type="button"
        className="ts-button"
        onClick={() => void create().catch((e) => props.say(messageOf(e)))}
      >
        새 대화
      </button>
      {error && <p role="alert">{messageOf(error)}</p>}
      <ul id="conversations">
        {loading && <li>불러오는 중…</li>}
        {!loading && items.length === 0 && <li>대화가 없어요.</li>}
        {items.map((c) => (
          <li key={c.id} data-id={c.id}>
            <a className="title" href={hashOf({ id: c.id })}>
              {c.title}
            </a>
            <span className="meta">
              {c.platformSkin} · {c.messageCount}개
            </span>
            <button type="button" className="ts-button share" onClick={() => setSharing(c)}>
              공유
            </button>
          </li>
        ))}
      </ul>
      {sharing && (
        <ShareDialog conversationId={sharing.id} title={sharing.title} onClose={() => setSharing(null)} />
      )}
    </>
  );
}

const ROLE_TEXT = { editor: "편집할 수 있어요 (editor)", viewer: "보기만 해요 (viewer)" } as const;

/** Conversations others shared with the user (through an invite), live, next to their own. */
function SharedWithMe({ shared }: { shared: Loaded<SharedConversationSummary> }) {
  const { items, loading, error } = shared;
  return (
    <>
      {error && <p role="alert">{messageOf(error)}</p>}
      <ul id="shared">
        {loading && <li>불러오는 중…</li>}
        {!loading && items.length === 0 && <li>공유받은 대화가 없어요 (nothing shared with you).</li>}
        {items.map((c) => (
          <li key={`${c.ownerUid}/${c.id}`} data-id={c.id} data-owner={c.ownerUid} data-role={c.role}>
            <a className="title" href={hashOf(c)}>
              {c.title}
            </a>
            <span className="meta">
              {ROLE_TEXT[c.role]} · {c.messageCount}개
            </span>
          </li>
        ))}
      </ul>
    </>
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

/** The user's role in the open conversation: the owner's own, or what the shared list says. */
function roleIn(open: OpenTarget | null, shared: readonly SharedConversationSummary[]): ConversationRole {
  if (!open?.ownerUid) return "owner";
  // Until the list says otherwise (or once removed from it): read only.
  return shared.find((c) => c.id === open.id && c.ownerUid === open.ownerUid)?.role ?? "viewer";
}

const searchParam = (name: string) => new URLSearchParams(location.search).get(name);

function App() {
  const [status, say] = useState("");
  const [opened, open] = useOpen();
  const { user } = useSession();
  const shared = useSharedWithMe({ pageSize: 50, order: "updated" });
  const role = roleIn(opened, shared.items);
  const [copyCode, setCopyCode] = useState(() => searchParam("copy"));
  const [inviteCode, setInviteCode] = useState(() => searchParam("invite"));
  useEffect(() => {
    if (copyCode || inviteCode) history.replaceState(null, "", `/${location.hash}`);
  }, [copyCode, inviteCode]);
  const inviteDone = useCallback(() => setInviteCode(null), []);
  return (
    <main>
      <h1>TalkStudio 데모</h1>
      <p className="lead">
        로컬 에뮬레이터 위의 백엔드: 로그인해 대화를 고치면 자동으로 저장되고, 다른 탭과 기기에도 바로 보여요.
        오프라인에서 고친 것도 잃지 않아요. 초대 링크로 다른 사람과 함께 고칠 수도 있어요.
      </p>
      <Badges />
      <section id="session">
        <Session say={say} inviting={inviteCode !== null} />
      </section>
      {user && copyCode && <CopyOffer code={copyCode} done={() => setCopyCode(null)} />}
      {inviteCode && (
        <InviteAcceptDialog
          code={inviteCode}
          onAccepted={({ ownerUid, conversationId }) => {
            setInviteCode(null);
            open(ownerUid === user?.uid ? { id: conversationId } : { ownerUid, id: conversationId });
          }}
          onClose={inviteDone}
          signIn={
            <div className="row">
              <AccountMenu providers={["google", "github"]} onError={(e) => say(messageOf(e))} />
              <DemoSignIn say={say} />
            </div>
          }
        />
      )}
      <section>
        <h2>내 대화</h2>
        <Projects open={open} say={say} />
        {user && (
          <>
            <h2>나와 공유된 대화 (shared with me)</h2>
            <SharedWithMe shared={shared} />
          </>
        )}
      </section>
      {user && opened && (
        <section>
          <Editor
            key={`${user.uid}/${hashOf(opened)}`}
            open={opened}
            uid={user.uid}
            role={role}
            close={() => open(null)}
          />
          <Collaboration
            key={`${user.uid}/${hashOf(opened)}`}
            open={opened}
            role={role}
            close={() => open(null)}
          />
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
