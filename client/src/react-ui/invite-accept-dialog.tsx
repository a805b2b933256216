// `/?invite={code}`: says what the invite is (the conversation's title, who invited, the role) and
// joins only when the person says so. Signed out, it asks them to sign in first.
import { useEffect, useState, type ReactNode } from "react";
import { acceptInvite, previewInvite } from "../collaboration/index.js";
import { messageOf } from "../messages/index.js";
import { useTalkStudio } from "../react/provider.js";
import { useSession } from "../react/session.js";
import type { AcceptedInvite, InvitePreview } from "../schema/index.js";
import { AccountMenu } from "./account-menu.js";
import { dateText, stringsOf, type CommonProps } from "./locale.js";
import { Modal } from "./modal.js";
import { useAction } from "./use-action.js";

export interface InviteAcceptDialogProps extends CommonProps {
  /** The `invite` parameter of the page's address. */
  readonly code: string;
  /** Joined: open `accepted.conversationId` of `accepted.ownerUid` (drop `?invite=` from the address). */
  readonly onAccepted: (accepted: AcceptedInvite) => void;
  /** Declined or closed (drop `?invite=` from the address). */
  readonly onClose: () => void;
  /** Shown while signed out; default an AccountMenu's sign-in buttons. */
  readonly signIn?: ReactNode;
}

export function InviteAcceptDialog(props: InviteAcceptDialogProps) {
  const ts = useTalkStudio();
  const t = stringsOf(props.locale);
  const { user, ready } = useSession();
  const [preview, setPreview] = useState<InvitePreview | null>(null);
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const { busy, problem, run } = useAction(props.locale);
  const uid = user?.uid;

  useEffect(() => {
    if (!uid) return;
    let current = true;
    previewInvite(ts, props.code).then(
      (read) => current && setPreview(read),
      (error: unknown) => current && setUnreadable(messageOf(error, props.locale ?? "ko")),
    );
    return () => {
      current = false;
    };
  }, [ts, uid, props.code, props.locale]);

  const join = () => run(async () => props.onAccepted(await acceptInvite(ts, props.code)));

  let body: ReactNode;
  if (!ready) body = <p className="ts-muted">{t.loading}</p>;
  else if (!user)
    body = (
      <>
        <p>{t.accept.signInFirst}</p>
        {props.signIn ?? <AccountMenu locale={props.locale} />}
      </>
    );
  else if (unreadable)
    body = (
      <p className="ts-error" role="alert">
        {unreadable}
      </p>
    );
  else if (!preview) body = <p className="ts-muted">{t.loading}</p>;
  else
    body = (
      <>
        <p className="ts-invite-summary">{t.accept.body(preview.inviterName ?? t.someone, preview.title)}</p>
        <p className="ts-muted">
          {t.accept.role(t.role(preview.role))} · {t.accept.until(dateText(preview.expiresAt, props.locale))}
        </p>
      </>
    );

  return (
    <Modal
      name="invite-accept-dialog"
      className={props.className}
      title={t.accept.title}
      closeLabel={t.close}
      onClose={props.onClose}
    >
      <div className="ts-dialog-body">
        {body}
        {problem && (
          <p className="ts-error" role="alert">
            {problem}
          </p>
        )}
      </div>
      <footer className="ts-dialog-footer">
        <button type="button" className="ts-button ts-decline" onClick={props.onClose}>
          {t.accept.decline}
        </button>
        {preview && user && (
          <button
            type="button"
            className="ts-button ts-primary ts-join"
            disabled={busy}
            onClick={join}
            data-autofocus
          >
            {busy ? t.accept.joining : t.accept.join}
          </button>
        )}
      </footer>
    </Modal>
  );
}
