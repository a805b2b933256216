// The demo's "editing together" panel for the open conversation, made of @talkstudio/client/react-ui:
// who else has it open (PresenceAvatars), invite links and members (InviteDialog), and its version
// history with preview and restore (HistoryPanel).
import { useState } from "react";
import type { ConversationRole } from "../../client/src/index.js";
import { useMembers } from "../../client/src/react/index.js";
import { HistoryPanel, InviteDialog, PresenceAvatars } from "../../client/src/react-ui/index.js";
import type { OpenTarget } from "./editor.js";

export function Collaboration(props: { open: OpenTarget; role: ConversationRole; close: () => void }) {
  const { id, ownerUid } = props.open;
  const owner = ownerUid ? { ownerUid } : {};
  const members = useMembers(id, owner);
  const [inviting, setInviting] = useState(false);
  return (
    <section id="collaboration">
      <h3>함께 편집 (editing together)</h3>
      <div className="row">
        <div id="presence">
          <PresenceAvatars conversationId={id} {...owner} />
        </div>
        <button id="open-invites" type="button" className="ts-button" onClick={() => setInviting(true)}>
          {props.role === "owner" ? "초대와 멤버 (invite, members)" : "멤버 (members)"}
        </button>
      </div>
      {inviting && (
        <InviteDialog
          conversationId={id}
          {...owner}
          onClose={() => setInviting(false)}
          onLeft={props.close}
          onMembersChanged={members.refresh}
        />
      )}
      <HistoryPanel
        conversationId={id}
        {...owner}
        canEdit={props.role !== "viewer"}
        members={members.items}
      />
    </section>
  );
}
