// Who is signed in, and the way in and out: provider buttons while signed out; the user's name and
// picture with a menu holding sign-out while signed in.
import { useEffect, useId, useRef, useState } from "react";
import { signInWithGitHub, signInWithGoogle, signInWithKakao, signOut } from "../auth/index.js";
import { useSession } from "../react/session.js";
import { useTalkStudio } from "../react/provider.js";
import { toTalkStudioError, type TalkStudioError } from "../talkstudio-error.js";
import { messageOf } from "../messages/index.js";
import { LogOutIcon, UserIcon } from "./icons.js";
import { classes, stringsOf, type CommonProps } from "./locale.js";

export type SignInProvider = "google" | "github" | "kakao";

export interface AccountMenuProps extends CommonProps {
  /** The sign-in buttons, in order. Default all three; "kakao" shows only with `kakaoAccessToken`. */
  readonly providers?: readonly SignInProvider[];
  /** Kakao's access token from the Kakao JS SDK (`Kakao.Auth.login`): the app's own Kakao app key. */
  readonly kakaoAccessToken?: () => Promise<string>;
  /** Runs before signing out (await it): save what is pending, clear this user's local projects. */
  readonly beforeSignOut?: () => unknown;
  /** A sign-in or sign-out that failed; the menu also shows it (in words). */
  readonly onError?: (error: TalkStudioError) => void;
}

const PROVIDER_NAMES: Record<SignInProvider, string> = { google: "Google", github: "GitHub", kakao: "Kakao" };

export function AccountMenu(props: AccountMenuProps) {
  const ts = useTalkStudio();
  const t = stringsOf(props.locale);
  const { user, ready } = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
  }, [open]);

  const run = async (label: string, work: () => Promise<unknown>) => {
    setBusy(label);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      const typed = toTalkStudioError(error);
      setProblem(messageOf(typed, props.locale ?? "ko"));
      props.onError?.(typed);
    } finally {
      setBusy(null);
    }
  };

  const signIn = (provider: SignInProvider) =>
    run(t.account.signingIn, async () => {
      if (provider === "google") return signInWithGoogle(ts);
      if (provider === "github") return signInWithGitHub(ts);
      return signInWithKakao(ts, await props.kakaoAccessToken!());
    });

  const leave = () =>
    run(t.account.signOut, async () => {
      setOpen(false);
      await props.beforeSignOut?.();
      await signOut(ts);
    });

  const root = classes("ts-account-menu", props.className);
  if (!ready) return <div className={root} aria-busy="true" />;

  if (!user) {
    const providers = (props.providers ?? ["google", "github", "kakao"]).filter(
      (p) => p !== "kakao" || props.kakaoAccessToken,
    );
    return (
      <div className={root} data-signed-in="false" role="group" aria-label={t.account.signIn}>
        {providers.map((provider) => (
          <button
            key={provider}
            type="button"
            className={`ts-button ts-sign-in ts-sign-in-${provider}`}
            disabled={busy !== null}
            onClick={() => void signIn(provider)}
          >
            {t.account.signInWith(PROVIDER_NAMES[provider])}
          </button>
        ))}
        {busy && <span className="ts-muted">{busy}</span>}
        {problem && (
          <p className="ts-error" role="alert">
            {problem}
          </p>
        )}
      </div>
    );
  }

  const name = user.displayName ?? user.email ?? t.me;
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div
      className={root}
      data-signed-in="true"
      onKeyDown={(event) => event.key === "Escape" && open && close()}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="ts-account-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={`${t.account.menu}: ${name}`}
        onClick={() => setOpen((o) => !o)}
      >
        {user.photoURL ? (
          <img className="ts-avatar" src={user.photoURL} alt="" referrerPolicy="no-referrer" />
        ) : (
          <span className="ts-avatar ts-avatar-empty">
            <UserIcon />
          </span>
        )}
        <span className="ts-account-name">{name}</span>
      </button>
      {open && (
        <div ref={menu} id={menuId} role="menu" className="ts-menu" aria-label={t.account.menu}>
          <p className="ts-menu-identity">
            {t.account.signedInAs(name)}
            {user.email && user.email !== name && <span className="ts-muted">{user.email}</span>}
          </p>
          <button type="button" role="menuitem" className="ts-menu-item" onClick={() => void leave()}>
            <LogOutIcon />
            {t.account.signOut}
          </button>
        </div>
      )}
      {problem && (
        <p className="ts-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
