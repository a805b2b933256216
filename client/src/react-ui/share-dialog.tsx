// Share links of one conversation: create one (expiry, password, download), copy it, and manage
// the ones made before (views, expiry, password, download, revoke, a new address).
import { useId, useState, type FormEvent } from "react";
import { messageOf } from "../messages/index.js";
import { useShares } from "../react/lists.js";
import { useTalkStudio } from "../react/provider.js";
import { SHARE_LIMITS, type ShareSettings } from "../schema/index.js";
import { createShare, regenerateShare, revokeShare, updateShare } from "../shares/index.js";
import { CopyField } from "./copy-field.js";
import { EyeIcon, LockIcon } from "./icons.js";
import { dateText, stringsOf, type CommonProps, type Strings } from "./locale.js";
import { Modal } from "./modal.js";
import { useAction } from "./use-action.js";

export interface ShareDialogProps extends CommonProps {
  /** One of the signed-in user's own conversations. */
  readonly conversationId: string;
  /** Its title, for the dialog's heading. */
  readonly title?: string;
  readonly onClose: () => void;
}

/** The expiries offered, in hours (the first is the default: SHARE_LIMITS' 7 days). */
export const SHARE_EXPIRIES = [
  SHARE_LIMITS.defaultExpiryHours,
  24,
  30 * 24,
  SHARE_LIMITS.maxExpiryHours,
] as const;

function ExpirySelect(props: {
  value: number;
  onChange: (hours: number) => void;
  label: string;
  t: Strings;
}) {
  const id = useId();
  return (
    <label className="ts-field" htmlFor={id}>
      <span className="ts-label">{props.label}</span>
      <select
        id={id}
        className="ts-input"
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
      >
        {SHARE_EXPIRIES.map((hours) => (
          <option key={hours} value={hours}>
            {props.t.share.expiryHours(hours)}
          </option>
        ))}
      </select>
    </label>
  );
}

function ShareRow(props: {
  share: ShareSettings;
  t: Strings;
  locale: CommonProps["locale"];
  changed: () => void;
}) {
  const ts = useTalkStudio();
  const { share, t } = props;
  const { busy, problem, run } = useAction(props.locale);
  const [editing, setEditing] = useState(false);
  const [expiry, setExpiry] = useState<number>(SHARE_LIMITS.defaultExpiryHours);
  const [password, setPassword] = useState("");
  const live = !share.revokedAt && new Date(share.expiresAt) > new Date();
  const act = (work: () => Promise<unknown>) =>
    run(async () => {
      await work();
      props.changed();
    });
  return (
    <li className="ts-share" data-live={live} data-code={share.code}>
      <div className="ts-share-summary">
        <span className="ts-badge">
          {share.revokedAt
            ? t.share.revoked
            : live
              ? t.share.until(dateText(share.expiresAt, props.locale))
              : t.share.expired}
        </span>
        {share.passwordProtected && (
          <span className="ts-badge">
            <LockIcon />
            {t.share.protected}
          </span>
        )}
        {share.allowDownload && <span className="ts-badge">{t.share.downloadable}</span>}
        <span className="ts-share-views">
          <EyeIcon />
          {t.share.views(share.viewCount)}
        </span>
      </div>
      {live && (
        <>
          <CopyField label={t.share.title} value={share.url} t={t} />
          <div className="ts-actions">
            <button
              type="button"
              className="ts-button"
              aria-expanded={editing}
              onClick={() => setEditing((e) => !e)}
            >
              {t.share.update}
            </button>
            <button
              type="button"
              className="ts-button"
              disabled={busy}
              onClick={() => act(() => regenerateShare(ts, share.code))}
            >
              {t.share.regenerate}
            </button>
            <button
              type="button"
              className="ts-button ts-danger"
              disabled={busy}
              onClick={() => act(() => revokeShare(ts, share.code))}
            >
              {t.share.revoke}
            </button>
          </div>
          {editing && (
            <div className="ts-share-edit">
              <ExpirySelect value={expiry} onChange={setExpiry} label={t.share.extend} t={t} />
              <button
                type="button"
                className="ts-button"
                disabled={busy}
                onClick={() => act(() => updateShare(ts, { code: share.code, expiresInHours: expiry }))}
              >
                {t.share.extend}
              </button>
              <label className="ts-field">
                <span className="ts-label">{t.share.setPassword}</span>
                <input
                  className="ts-input"
                  type="password"
                  autoComplete="new-password"
                  minLength={SHARE_LIMITS.passwordMinChars}
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </label>
              <button
                type="button"
                className="ts-button"
                disabled={busy || password.length < SHARE_LIMITS.passwordMinChars}
                onClick={() => act(() => updateShare(ts, { code: share.code, password }))}
              >
                {t.share.setPassword}
              </button>
              {share.passwordProtected && (
                <button
                  type="button"
                  className="ts-button"
                  disabled={busy}
                  onClick={() => act(() => updateShare(ts, { code: share.code, password: null }))}
                >
                  {t.share.removePassword}
                </button>
              )}
              <label className="ts-check">
                <input
                  type="checkbox"
                  checked={share.allowDownload}
                  disabled={busy}
                  onChange={(e) =>
                    act(() => updateShare(ts, { code: share.code, allowDownload: e.target.checked }))
                  }
                />
                {t.share.allowDownload}
              </label>
            </div>
          )}
        </>
      )}
      {problem && (
        <p className="ts-error" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}

export function ShareDialog(props: ShareDialogProps) {
  const ts = useTalkStudio();
  const t = stringsOf(props.locale);
  const shares = useShares(props.conversationId);
  const { busy, problem, run } = useAction(props.locale);
  const [expiry, setExpiry] = useState<number>(SHARE_LIMITS.defaultExpiryHours);
  const [password, setPassword] = useState("");
  const [allowDownload, setAllowDownload] = useState(true);
  const [created, setCreated] = useState<string | null>(null);
  const passwordId = useId();

  const create = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      const share = await createShare(ts, {
        conversationId: props.conversationId,
        expiresInHours: expiry,
        allowDownload,
        ...(password ? { password } : {}),
      });
      setCreated(share.url);
      setPassword("");
      shares.refresh();
    });
  };

  return (
    <Modal
      name="share-dialog"
      className={props.className}
      title={props.title ? t.share.of(props.title) : t.share.title}
      closeLabel={t.close}
      onClose={props.onClose}
    >
      <div className="ts-dialog-body">
        <form className="ts-share-create" onSubmit={create}>
          <ExpirySelect value={expiry} onChange={setExpiry} label={t.share.expiry} t={t} />
          <label className="ts-field" htmlFor={passwordId}>
            <span className="ts-label">{t.share.password}</span>
            <input
              id={passwordId}
              className="ts-input ts-share-password"
              type="password"
              autoComplete="new-password"
              minLength={SHARE_LIMITS.passwordMinChars}
              maxLength={SHARE_LIMITS.passwordMaxChars}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-describedby={`${passwordId}-hint`}
            />
            <span id={`${passwordId}-hint`} className="ts-hint">
              {t.share.passwordHint}
            </span>
          </label>
          <label className="ts-check">
            <input
              type="checkbox"
              checked={allowDownload}
              onChange={(e) => setAllowDownload(e.target.checked)}
            />
            {t.share.allowDownload}
          </label>
          <button type="submit" className="ts-button ts-primary ts-share-create-button" disabled={busy}>
            {t.share.create}
          </button>
          {problem && (
            <p className="ts-error" role="alert">
              {problem}
            </p>
          )}
        </form>
        {created && (
          <div className="ts-share-created" role="status">
            <p>{t.share.created}</p>
            <CopyField label={t.share.title} value={created} t={t} />
          </div>
        )}
        <h3 className="ts-section-title">{t.share.list}</h3>
        {shares.error && (
          <p className="ts-error" role="alert">
            {messageOf(shares.error, props.locale ?? "ko")}
          </p>
        )}
        <ul className="ts-share-list" aria-busy={shares.loading}>
          {!shares.loading && shares.items.length === 0 && <li className="ts-muted">{t.share.none}</li>}
          {shares.items.map((share) => (
            <ShareRow key={share.code} share={share} t={t} locale={props.locale} changed={shares.refresh} />
          ))}
        </ul>
      </div>
    </Modal>
  );
}
