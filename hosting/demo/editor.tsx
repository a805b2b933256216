// The demo's editor for one project: the title and each text message, saved as they change by
// useProjectSync. Like the SPA, it keeps its own copy in LocalStorage while changes are pending
// (with the revision it was synced at) and hands it back to the engine after a reload, so an edit
// the server refused after the tab closed comes back as a conflict instead of vanishing. A
// conversation shared with the user opens with its owner's uid: an editor's tab saves it (the last
// save wins when both changed the same message), a viewer's only follows it.
import { useEffect, useMemo, useState } from "react";
import {
  getConversation,
  messageOf,
  type ConversationData,
  type ConversationRole,
} from "../../client/src/index.js";
import { useMembers, useProjectSync, useTalkStudio, type OpenProject } from "../../client/src/react/index.js";
import { CloudStatusBadge, ConflictDialog } from "../../client/src/react-ui/index.js";

interface Draft {
  readonly revision: number;
  readonly data: ConversationData;
}

const draftKey = (uid: string, open: OpenTarget) =>
  `talkstudio-demo:draft:${uid}:${open.ownerUid ?? uid}:${open.id}`;

/** What the page has open: one of the user's conversations, or one shared with them. */
export interface OpenTarget {
  readonly id: string;
  /** Someone else's conversation: its owner. */
  readonly ownerUid?: string;
}

function readDraft(key: string): Draft | undefined {
  try {
    return (JSON.parse(localStorage.getItem(key) ?? "null") as Draft | null) ?? undefined;
  } catch {
    return undefined;
  }
}

function Loaded(props: {
  project: Omit<OpenProject, "data">;
  initial: ConversationData;
  draftKey: string;
  ownerUid: string | undefined;
  role: ConversationRole;
}) {
  const [data, setData] = useState(props.initial);
  const { id, revision, reopened } = props.project;
  const project = useMemo(
    () => ({ id, revision, data, ...(reopened ? { reopened } : {}) }),
    [id, revision, reopened, data],
  );
  const { ownerUid } = props;
  const { status, conflict, flush } = useProjectSync(project, {
    onRemoteChange: setData,
    // Members editing someone else's conversation: no prompt, the overwritten text goes to the history.
    ...(ownerUid ? { ownerUid } : {}),
  });
  // Whose text each side of a conflict is: read when one shows.
  const members = useMembers(conflict ? id : null, ownerUid ? { ownerUid } : {});
  const lostAccess = status.state === "error" && status.error.kind === "permission-denied";
  const readOnly = props.role === "viewer" || lostAccess;

  useEffect(() => console.info(`talkstudio sync: ${status.state}`), [status.state]);
  // The SPA's own copy: kept while the server lacks something, dropped once it has everything.
  useEffect(() => {
    if (status.pending)
      localStorage.setItem(props.draftKey, JSON.stringify({ revision: status.revision, data }));
    else if (status.state === "saved") localStorage.removeItem(props.draftKey);
  }, [status, data, props.draftKey]);
  // Closing the tab: queue what waits for the debounce now (the cache keeps the queued save).
  useEffect(() => {
    const leave = () => void flush();
    addEventListener("pagehide", leave);
    return () => removeEventListener("pagehide", leave);
  }, [flush]);

  const setMessage = (messageId: string, text: string) =>
    setData((d) => ({
      ...d,
      conversation: {
        ...d.conversation,
        messages: d.conversation.messages.map((m) =>
          m.id === messageId && "text" in m ? { ...m, text } : m,
        ),
      },
    }));

  const addMessage = () =>
    setData((d) => ({
      ...d,
      conversation: {
        ...d.conversation,
        messages: [
          ...d.conversation.messages,
          {
            id: `msg-${Date.now()}-${crypto.randomUUID().slice(0, 6)}`,
            role: "me",
            authorId: d.conversation.authors[0]?.id ?? "",
            text: "",
            datetime: "",
          },
        ],
      },
    }));

  return (
    <div id="editor" data-id={id} data-role={props.role}>
      {lostAccess && (
        <p id="no-access" role="alert">
          이 대화에 더 이상 들어올 수 없어요 (you no longer have access).
        </p>
      )}
      {props.role === "viewer" && !lostAccess && (
        <p id="view-only" className="meta">
          보기만 할 수 있어요 (view only)
        </p>
      )}
      <p id="sync" data-state={status.state}>
        <CloudStatusBadge status={status} showRevision />
      </p>
      <label>
        제목{" "}
        <input
          id="title"
          disabled={readOnly}
          value={data.title}
          onChange={(e) => setData((d) => ({ ...d, title: e.target.value }))}
        />
      </label>
      <ol id="messages">
        {data.conversation.messages.map((m, i) => (
          <li key={`${m.id}#${i}`} data-message={m.id}>
            {"role" in m ? (
              <textarea
                rows={2}
                disabled={readOnly}
                value={m.text}
                onChange={(e) => setMessage(m.id, e.target.value)}
              />
            ) : (
              <span className="meta">{m.text}</span>
            )}
          </li>
        ))}
      </ol>
      <button id="add-message" type="button" disabled={readOnly} onClick={addMessage}>
        메시지 추가 (add a message)
      </button>
      <ConflictDialog conflict={conflict} data={data} members={members.items} />
    </div>
  );
}

/** Loads the project (the cache answers offline), then edits it. */
export function Editor(props: { open: OpenTarget; uid: string; role: ConversationRole; close: () => void }) {
  const ts = useTalkStudio();
  const [opened, setOpened] = useState<{ revision: number; data: ConversationData; local?: Draft } | null>(
    null,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const { id, ownerUid } = props.open;
  const key = draftKey(props.uid, props.open);
  useEffect(() => {
    getConversation(ts, id, ownerUid ? { ownerUid } : {}).then(
      ({ revision, title, conversation, theme, statusBar }) => {
        const local = readDraft(key);
        setOpened({ revision, data: { title, conversation, theme, statusBar }, ...(local ? { local } : {}) });
      },
      (e: unknown) => setProblem(messageOf(e)),
    );
  }, [ts, id, ownerUid, key]);
  if (problem) return <p role="alert">{problem}</p>;
  if (!opened) return <p>여는 중…</p>;
  return (
    <>
      <button type="button" onClick={props.close}>
        닫기
      </button>
      <Loaded
        project={{
          id,
          revision: opened.revision,
          // The editor starts from its own copy when it has one; the engine merges it with the cloud's.
          ...(opened.local
            ? { reopened: { cloud: opened.data, syncedRevision: opened.local.revision } }
            : {}),
        }}
        initial={opened.local?.data ?? opened.data}
        draftKey={key}
        ownerUid={ownerUid}
        role={props.role}
      />
    </>
  );
}
