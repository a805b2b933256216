// A conversation's versions, newest first: preview one (its title and messages, read-only), restore
// it (asked first), and save the current state under a name. Restoring reaches open editors as
// another member's save (useProjectSync's onRemoteChange).
import { useState, type FormEvent } from "react";
import { getVersion, type VersionInfo } from "../collaboration/index.js";
import { messageOf } from "../messages/index.js";
import { useVersions } from "../react/collaboration-hooks.js";
import { useTalkStudio } from "../react/provider.js";
import { useSession } from "../react/session.js";
import type { ConversationData, Member } from "../schema/index.js";
import { HistoryIcon, RefreshIcon } from "./icons.js";
import { classes, dateText, stringsOf, type CommonProps } from "./locale.js";
import { useAction } from "./use-action.js";

export interface HistoryPanelProps extends CommonProps {
  readonly conversationId: string;
  /** Someone else's conversation the user is a member of. */
  readonly ownerUid?: string;
  /** Owner and editors restore and save versions; viewers only look (default true). */
  readonly canEdit?: boolean;
  /** The conversation's members (useMembers' `items`): who made each version. */
  readonly members?: readonly Pick<Member, "uid" | "displayName">[];
  /** A version was restored: the conversation is now at `revision`. */
  readonly onRestored?: (restored: { revision: number; keptAs: string }) => void;
}

/** Messages a preview shows before "…". */
const PREVIEW_MESSAGES = 20;

export function HistoryPanel(props: HistoryPanelProps) {
  const ts = useTalkStudio();
  const t = stringsOf(props.locale);
  const myUid = useSession().user?.uid;
  const owner = props.ownerUid ? { ownerUid: props.ownerUid } : {};
  const versions = useVersions(props.conversationId, owner);
  const { busy, problem, run } = useAction(props.locale);
  const [preview, setPreview] = useState<{ id: string; data: ConversationData } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [said, setSaid] = useState<string | null>(null);
  const canEdit = props.canEdit ?? true;

  const who = (v: VersionInfo) =>
    v.createdBy === null
      ? null
      : v.createdBy === myUid
        ? t.me
        : props.members?.find((m) => m.uid === v.createdBy)?.displayName || t.someone;
  const show = (v: VersionInfo) =>
    run(async () => {
      if (preview?.id === v.id) return setPreview(null);
      const { data } = await getVersion(ts, props.conversationId, v.id, owner);
      setPreview({ id: v.id, data });
    });
  const restore = (v: VersionInfo) =>
    run(async () => {
      const restored = await versions.restore(v.id);
      setConfirming(null);
      setSaid(t.history.restored(restored.revision));
      props.onRestored?.(restored);
    });
  const save = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      await versions.save(name.trim() || dateText(new Date(), props.locale));
      setName("");
    });
  };

  return (
    <section className={classes("ts-history-panel", props.className)} aria-label={t.history.title}>
      <h3 className="ts-section-title">
        <HistoryIcon />
        {t.history.title}
        <button
          type="button"
          className="ts-icon-button ts-history-refresh"
          aria-label={t.history.refresh}
          title={t.history.refresh}
          onClick={versions.refresh}
        >
          <RefreshIcon />
        </button>
      </h3>
      {canEdit && (
        <form className="ts-history-save" onSubmit={save}>
          <input
            className="ts-input"
            aria-label={t.history.saveName}
            placeholder={t.history.saveName}
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="ts-button" disabled={busy}>
            {t.history.save}
          </button>
        </form>
      )}
      {versions.error && (
        <p className="ts-error" role="alert">
          {messageOf(versions.error, props.locale ?? "ko")}
        </p>
      )}
      {problem && (
        <p className="ts-error" role="alert">
          {problem}
        </p>
      )}
      {said && (
        <p className="ts-notice" role="status">
          {said}
        </p>
      )}
      <ol className="ts-version-list" aria-busy={versions.loading}>
        {!versions.loading && versions.items.length === 0 && <li className="ts-muted">{t.history.none}</li>}
        {versions.items.map((v) => (
          <li key={v.id} className="ts-version" data-kind={v.kind} data-version={v.id}>
            <div className="ts-version-summary">
              <span className="ts-version-name">{v.name ?? v.title}</span>
              <span className="ts-muted">
                {dateText(v.createdAt, props.locale)} · {t.history.kind[v.kind]} ·{" "}
                {t.history.messages(v.messageCount)}
                {who(v) && ` · ${who(v)}`}
              </span>
            </div>
            <div className="ts-actions">
              <button
                type="button"
                className="ts-button ts-version-preview"
                aria-expanded={preview?.id === v.id}
                onClick={() => show(v)}
              >
                {t.history.preview}
              </button>
              {canEdit &&
                (confirming === v.id ? (
                  <span className="ts-confirm" role="group" aria-label={t.history.restoreConfirm}>
                    <span>{t.history.restoreConfirm}</span>
                    <button
                      type="button"
                      className="ts-button ts-primary ts-version-restore-confirm"
                      disabled={busy}
                      onClick={() => restore(v)}
                    >
                      {t.history.restore}
                    </button>
                    <button type="button" className="ts-button" onClick={() => setConfirming(null)}>
                      {t.cancel}
                    </button>
                  </span>
                ) : (
                  <button
                    type="button"
                    className="ts-button ts-version-restore"
                    onClick={() => setConfirming(v.id)}
                  >
                    {t.history.restore}
                  </button>
                ))}
            </div>
            {preview?.id === v.id && (
              <div className="ts-version-preview-box">
                <p className="ts-version-name">{preview.data.title}</p>
                <ol className="ts-preview-messages">
                  {preview.data.conversation.messages.slice(0, PREVIEW_MESSAGES).map((m, i) => (
                    <li key={`${m.id}#${i}`}>
                      {"role" in m && (
                        <span className="ts-muted">
                          {preview.data.conversation.authors.find((a) => a.id === m.authorId)?.name ??
                            ""}{" "}
                        </span>
                      )}
                      {m.text}
                    </li>
                  ))}
                  {preview.data.conversation.messages.length > PREVIEW_MESSAGES && (
                    <li className="ts-muted">…</li>
                  )}
                </ol>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
