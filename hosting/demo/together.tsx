// The demo's "editing together" panel for the open conversation: invite links and members (the
// owner), who else has it open, and its version history with restore (owner and editors).
import { useEffect, useState } from "react";
import {
  inviteToConversation,
  messageOf,
  removeMember,
  type ConversationRole,
  type MemberRole,
} from "../../client/src/index.js";
import { useMembers, usePresence, useTalkStudio, useVersions } from "../../client/src/react/index.js";
import type { OpenTarget } from "./editor.js";

const ROLE_TEXT: Record<ConversationRole, string> = {
  owner: "주인 (owner)",
  editor: "편집 (editor)",
  viewer: "보기 (viewer)",
};

function Invites(props: { id: string; say: (text: string) => void; invited: () => void }) {
  const ts = useTalkStudio();
  const [url, setUrl] = useState("");
  const invite = async (role: MemberRole) => {
    setUrl((await inviteToConversation(ts, props.id, { role })).url);
    props.invited();
  };
  return (
    <p>
      {(["editor", "viewer"] as const).map((role) => (
        <button
          key={role}
          id={`invite-${role}`}
          type="button"
          onClick={() => void invite(role).catch((e) => props.say(messageOf(e)))}
        >
          {role === "editor" ? "편집 초대 링크 (edit link)" : "보기 초대 링크 (view link)"}
        </button>
      ))}
      {url && <input id="invite-url" readOnly value={url} onFocus={(e) => e.target.select()} />}
    </p>
  );
}

export function Together(props: {
  open: OpenTarget;
  uid: string;
  role: ConversationRole;
  say: (text: string) => void;
}) {
  const ts = useTalkStudio();
  const { id, ownerUid } = props.open;
  const owner = ownerUid ? { ownerUid } : {};
  const members = useMembers(id, owner);
  const presence = usePresence(id, owner);
  const versions = useVersions(id, owner);
  const others = presence.items.filter((p) => p.uid !== props.uid);
  // Members are not watched: someone new opening the conversation (or naming themselves) is when
  // the list changes. A member whose profile has no name yet goes by the name their presence shows.
  const present = presence.items.map((p) => `${p.uid}:${p.name}`).join();
  const presentName = new Map(presence.items.map((p) => [p.uid, p.name]));
  const { refresh } = members;
  useEffect(refresh, [present, refresh]);
  const canEdit = props.role !== "viewer";
  const act = (work: () => Promise<unknown>) => void work().catch((e) => props.say(messageOf(e)));

  return (
    <section id="together">
      <h3>함께 편집 (editing together)</h3>
      <p id="presence" data-uids={others.map((p) => p.uid).join()}>
        {others.length === 0
          ? "지금 여는 사람이 나뿐이에요 (only you)."
          : `지금 함께 보는 사람 (also here): ${others.map((p) => p.name || p.uid).join(", ")}`}
      </p>
      {props.role === "owner" && <Invites id={id} say={props.say} invited={refresh} />}
      <ul id="members">
        {members.items.map((m) => (
          <li key={m.uid} data-uid={m.uid} data-role={m.role}>
            <span className="title">
              {m.uid === props.uid ? "나 (me)" : (m.displayName ?? (presentName.get(m.uid) || m.uid))}
            </span>
            <span className="meta">{ROLE_TEXT[m.role]}</span>
            {props.role === "owner" && m.role !== "owner" && (
              <button
                type="button"
                className="remove"
                onClick={() => act(async () => (await removeMember(ts, id, m.uid), refresh()))}
              >
                내보내기 (remove)
              </button>
            )}
          </li>
        ))}
      </ul>
      <h3>판 기록 (versions)</h3>
      <p>
        {canEdit && (
          <button
            id="save-version"
            type="button"
            onClick={() => act(() => versions.save(`저장 ${new Date().toLocaleTimeString("ko")}`))}
          >
            지금 판 저장 (save a version)
          </button>
        )}
        <button id="refresh-versions" type="button" onClick={versions.refresh}>
          새로 읽기 (refresh)
        </button>
      </p>
      <ul id="versions">
        {versions.items.map((v) => (
          <li key={v.id} data-version={v.id}>
            <span className="title">{v.name ?? v.title}</span>
            <span className="meta">
              판 {v.revision} · {v.kind} · {v.createdAt.toLocaleTimeString("ko")}
            </span>
            {canEdit && (
              <button type="button" className="restore" onClick={() => act(() => versions.restore(v.id))}>
                되돌리기 (restore)
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
