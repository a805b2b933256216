// Who else has the conversation open, as a row of pictures (initials when none). Mounting it
// announces the signed-in user there too (usePresence).
import { usePresence } from "../react/collaboration-hooks.js";
import { useSession } from "../react/session.js";
import type { PresenceEntry } from "../collaboration/index.js";
import { classes, stringsOf, type CommonProps } from "./locale.js";

export interface PresenceAvatarsProps extends CommonProps {
  /** The open conversation; null shows nothing. */
  readonly conversationId: string | null;
  /** Someone else's conversation the user is a member of. */
  readonly ownerUid?: string;
  /** The name and picture others see for the user (default: their account's). */
  readonly name?: string;
  readonly avatarUrl?: string;
  /** Show the user's own avatar too (default false: only others). */
  readonly includeMe?: boolean;
  /** Pictures shown before "+N" (default 4). */
  readonly max?: number;
}

/** Inline, so the names stay hidden without the stylesheet too. */
const VISUALLY_HIDDEN = {
  position: "absolute",
  width: 1,
  height: 1,
  margin: -1,
  overflow: "hidden",
  clipPath: "inset(50%)",
  whiteSpace: "nowrap",
} as const;

const initialOf = (name: string) => [...name.trim()][0]?.toUpperCase() ?? "?";

export function PresenceAvatars(props: PresenceAvatarsProps) {
  const t = stringsOf(props.locale);
  const uid = useSession().user?.uid;
  const presence = usePresence(props.conversationId, {
    ...(props.ownerUid ? { ownerUid: props.ownerUid } : {}),
    ...(props.name ? { name: props.name } : {}),
    ...(props.avatarUrl ? { avatarUrl: props.avatarUrl } : {}),
  });
  // One avatar per person, however many of their tabs are open.
  const people = [...new Map(presence.items.map((p) => [p.uid, p])).values()].filter(
    (p) => props.includeMe || p.uid !== uid,
  );
  const max = props.max ?? 4;
  const shown = people.slice(0, max);
  const names = people.map((p: PresenceEntry) => (p.uid === uid ? t.me : p.name || t.someone));
  return (
    <div className={classes("ts-presence", props.className)} data-count={people.length}>
      {/* What the pictures say, for screen readers (and for a page's find). */}
      <span className="ts-visually-hidden" style={VISUALLY_HIDDEN}>
        {people.length ? `${t.presence.label}: ${names.join(", ")}` : t.presence.onlyMe}
      </span>
      {shown.map((p, i) =>
        p.avatarUrl ? (
          <img
            key={p.uid}
            className="ts-avatar"
            src={p.avatarUrl}
            alt=""
            title={names[i]}
            referrerPolicy="no-referrer"
          />
        ) : (
          <span key={p.uid} className="ts-avatar ts-avatar-initial" title={names[i]} aria-hidden="true">
            {initialOf(names[i] ?? "")}
          </span>
        ),
      )}
      {people.length > max && (
        <span className="ts-avatar ts-avatar-more">{t.presence.more(people.length - max)}</span>
      )}
    </div>
  );
}
