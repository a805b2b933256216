// Editing together: the owner makes invite links (role, expiry) and manages members; a member sees
// who else is in and can leave.
import { useId, useState, type FormEvent } from "react";
import { messageOf } from "../messages/index.js";
import { inviteToConversation, leaveConversation, removeMember } from "../collaboration/index.js";
import { useMembers } from "../react/collaboration-hooks.js";
import { useTalkStudio } from "../react/provider.js";
import { useSession } from "../react/session.js";
import { COLLABORATION_LIMITS, MEMBER_ROLES, type Member, type MemberRole } from "../schema/index.js";
import { CopyField } from "./copy-field.js";
import { UserIcon } from "./icons.js";
import { stringsOf, type CommonProps } from "./locale.js";
import { Modal } from "./modal.js";
import { useAction } from "./use-action.js";

export interface InviteDialogProps extends CommonProps {
  readonly conversationId: string;
  /** Someone else's conversation the user is a member of: they see the members and may leave. */
  readonly ownerUid?: string;
  readonly onClose: () => void;
  /** The user left the conversation (close it in the editor). */
  readonly onLeft?: () => void;
  /** Members were added or removed, for a caller that shows them elsewhere too. */
  readonly onMembersChanged?: () => void;
}

/** Invite expiries offered, in hours: a day, the default week, the longest allowed. */
export const INVITE_EXPIRIES = [
  COLLABORATION_LIMITS.inviteDefaultExpiryHours,
  24,
  COLLABORATION_LIMITS.inviteMaxExpiryHours,
] as const;

export function InviteDialog(props: InviteDialogProps) {
  const ts = useTalkStudio();
  const t = stringsOf(props.locale);
  const myUid = useSession().user?.uid;
  const owner = props.ownerUid ? { ownerUid: props.ownerUid } : {};
  const members = useMembers(props.conversationId, owner);
  const { busy, problem, run } = useAction(props.locale);
  const [role, setRole] = useState<MemberRole>("editor");
  const [expiry, setExpiry] = useState<number>(COLLABORATION_LIMITS.inviteDefaultExpiryHours);
  const [url, setUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const roleId = useId();
  const expiryId = useId();
  const isOwner = !props.ownerUid;

  const changed = () => {
    members.refresh();
    props.onMembersChanged?.();
  };
  const invite = (event: FormEvent) => {
    event.preventDefault();
    run(async () =>
      setUrl((await inviteToConversation(ts, props.conversationId, { role, expiresInHours: expiry })).url),
    );
  };
  const remove = (member: Member) =>
    run(async () => {
      await removeMember(ts, props.conversationId, member.uid);
      setConfirming(null);
      changed();
    });
  const leave = () =>
    run(async () => {
      await leaveConversation(ts, props.conversationId, props.ownerUid!);
      props.onLeft?.();
      props.onClose();
    });
  const nameOf = (m: Member) => (m.uid === myUid ? t.me : m.displayName || t.someone);

  return (
    <Modal
      name="invite-dialog"
      className={props.className}
      title={t.invite.title}
      closeLabel={t.close}
      onClose={props.onClose}
    >
      <div className="ts-dialog-body">
        {isOwner && (
          <form className="ts-invite-create" onSubmit={invite}>
            <label className="ts-field" htmlFor={roleId}>
              <span className="ts-label">{t.invite.role}</span>
              <select
                id={roleId}
                className="ts-input ts-invite-role"
                value={role}
                onChange={(e) => setRole(e.target.value as MemberRole)}
              >
                {MEMBER_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t.role(r)}
                  </option>
                ))}
              </select>
            </label>
            <label className="ts-field" htmlFor={expiryId}>
              <span className="ts-label">{t.invite.expiry}</span>
              <select
                id={expiryId}
                className="ts-input"
                value={expiry}
                onChange={(e) => setExpiry(Number(e.target.value))}
              >
                {INVITE_EXPIRIES.map((hours) => (
                  <option key={hours} value={hours}>
                    {t.share.expiryHours(hours)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="ts-button ts-primary ts-invite-create-button" disabled={busy}>
              {t.invite.create}
            </button>
          </form>
        )}
        {url && <CopyField label={t.invite.link} value={url} t={t} />}
        <h3 className="ts-section-title">{t.invite.members}</h3>
        {members.error && (
          <p className="ts-error" role="alert">
            {messageOf(members.error, props.locale ?? "ko")}
          </p>
        )}
        <ul className="ts-member-list" aria-busy={members.loading}>
          {members.items.map((m) => (
            <li key={m.uid} className="ts-member" data-role={m.role} data-uid={m.uid}>
              {m.photoURL ? (
                <img className="ts-avatar" src={m.photoURL} alt="" referrerPolicy="no-referrer" />
              ) : (
                <span className="ts-avatar ts-avatar-empty">
                  <UserIcon />
                </span>
              )}
              <span className="ts-member-name">{nameOf(m)}</span>
              <span className="ts-badge">{t.role(m.role)}</span>
              {isOwner &&
                m.role !== "owner" &&
                (confirming === m.uid ? (
                  <span className="ts-confirm" role="group" aria-label={t.invite.removeConfirm(nameOf(m))}>
                    <span>{t.invite.removeConfirm(nameOf(m))}</span>
                    <button
                      type="button"
                      className="ts-button ts-danger"
                      disabled={busy}
                      onClick={() => remove(m)}
                    >
                      {t.invite.yes}
                    </button>
                    <button type="button" className="ts-button" onClick={() => setConfirming(null)}>
                      {t.cancel}
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="ts-button ts-member-remove"
                    onClick={() => setConfirming(m.uid)}
                  >
                    {t.invite.remove}
                  </button>
                ))}
            </li>
          ))}
        </ul>
        {!isOwner &&
          (confirming === "leave" ? (
            <p className="ts-confirm" role="group" aria-label={t.invite.leaveConfirm}>
              <span>{t.invite.leaveConfirm}</span>
              <button type="button" className="ts-button ts-danger" disabled={busy} onClick={leave}>
                {t.invite.yes}
              </button>
              <button type="button" className="ts-button" onClick={() => setConfirming(null)}>
                {t.cancel}
              </button>
            </p>
          ) : (
            <button
              type="button"
              className="ts-button ts-danger ts-leave"
              onClick={() => setConfirming("leave")}
            >
              {t.invite.leave}
            </button>
          ))}
        {problem && (
          <p className="ts-error" role="alert">
            {problem}
          </p>
        )}
      </div>
    </Modal>
  );
}
