// The open project's cloud state in a word and an icon, from useProjectSync's `status`.
import { useEffect, useState, type ReactNode } from "react";
import { messageOf } from "../messages/index.js";
import type { SyncStatus } from "../sync/index.js";
import { AlertIcon, CloudCheckIcon, CloudOffIcon, LoaderIcon } from "./icons.js";
import { classes, stringsOf, type CommonProps } from "./locale.js";

export interface CloudStatusBadgeProps extends CommonProps {
  /** useProjectSync's `status`. */
  readonly status: SyncStatus;
  /** Show the revision beside the word (default false). */
  readonly showRevision?: boolean;
}

/** Follows the browser's connection: offline shows even before a save has waited on it. */
function useOnline(): boolean {
  const [online, setOnline] = useState(() => typeof navigator === "undefined" || navigator.onLine);
  useEffect(() => {
    const follow = () => setOnline(navigator.onLine);
    addEventListener("online", follow);
    addEventListener("offline", follow);
    return () => {
      removeEventListener("online", follow);
      removeEventListener("offline", follow);
    };
  }, []);
  return online;
}

const ICONS: Record<SyncStatus["state"], () => ReactNode> = {
  saved: CloudCheckIcon,
  saving: LoaderIcon,
  offline: CloudOffIcon,
  conflict: AlertIcon,
  error: AlertIcon,
};

export function CloudStatusBadge(props: CloudStatusBadgeProps) {
  const t = stringsOf(props.locale);
  const online = useOnline();
  const { status } = props;
  const state = !online && status.state !== "conflict" && status.state !== "error" ? "offline" : status.state;
  const Icon = ICONS[state];
  const detail = status.state === "error" ? messageOf(status.error, props.locale ?? "ko") : null;
  return (
    <span
      className={classes(`ts-status-badge ts-status-${state}`, props.className)}
      data-state={state}
      role="status"
      title={detail ?? undefined}
    >
      <Icon />
      <span className="ts-status-text">{t.status[state]}</span>
      {detail && <span className="ts-status-detail">{detail}</span>}
      {props.showRevision && <span className="ts-status-revision">{t.status.revision(status.revision)}</span>}
    </span>
  );
}
