// Editing together as React state (docs/collaboration.md): a conversation's members, who else has
// it open, and its version history. `ownerUid` names a conversation shared with the signed-in user.
import { useEffect, useState } from "react";
import {
  joinPresence,
  listMembers,
  listVersions,
  restoreVersion,
  saveVersion,
  watchPresence,
  type JoinOptions,
  type PresenceEntry,
  type VersionInfo,
} from "../collaboration/index.js";
import type { OwnerOption } from "../conversations/index.js";
import type { Member } from "../schema/index.js";
import { toTalkStudioError, type TalkStudioError } from "../talkstudio-error.js";
import { useFetched, useWatched, type Loaded, type Refreshable } from "./loaded.js";
import { useTalkStudio } from "./provider.js";
import { useSession } from "./session.js";

/** The conversation, whose it is, and the signed-in user, as one key; undefined while signed out. */
function useConversationKey(conversationId: string | null, options: object): string | undefined {
  const uid = useSession().user?.uid;
  return uid && conversationId ? JSON.stringify([uid, conversationId, options]) : undefined;
}

/**
 * The owner and members of a conversation with their names and pictures, owner first
 * (`listMembers`). Not watched: call `refresh()` after an invite was accepted or a member removed.
 */
export function useMembers(conversationId: string | null, options: OwnerOption = {}): Refreshable<Member> {
  const ts = useTalkStudio();
  return useFetched(useConversationKey(conversationId, options), () =>
    listMembers(ts, conversationId!, options.ownerUid),
  );
}

/**
 * Announces the signed-in user in the conversation while the component is mounted (`joinPresence`;
 * left on unmount and on `pagehide`, joined again when the page comes back from the back/forward
 * cache), and follows everyone who has it open (`watchPresence`), the
 * user's own tabs included: filter by `uid` for "who else". `error` is the join's or the watch's
 * refusal (a removed member's, say).
 */
export function usePresence(conversationId: string | null, options: JoinOptions = {}): Loaded<PresenceEntry> {
  const ts = useTalkStudio();
  const key = useConversationKey(conversationId, options);
  const [joinFailed, setJoinFailed] = useState<{ key: string; error: TalkStudioError } | null>(null);
  useEffect(() => {
    if (!key || !conversationId) return;
    let joined: ReturnType<typeof joinPresence> | null = null;
    const join = () => {
      joined = joinPresence(ts, conversationId, options);
      joined.catch((error: unknown) => setJoinFailed({ key, error: toTalkStudioError(error) }));
    };
    const leave = () => {
      joined?.then((presence) => presence.leave()).catch(() => undefined);
      joined = null;
    };
    // A page restored from the back/forward cache comes back without a remount: join again.
    const back = (event: PageTransitionEvent) => {
      if (event.persisted && !joined) join();
    };
    join();
    const browser = typeof globalThis.addEventListener === "function";
    if (browser) addEventListener("pagehide", leave);
    if (browser) addEventListener("pageshow", back);
    return () => {
      if (browser) removeEventListener("pagehide", leave);
      if (browser) removeEventListener("pageshow", back);
      leave();
    };
    // `key` holds conversationId and options.
  }, [ts, key]);
  const watched = useWatched<PresenceEntry>(key, (onChange, onError) =>
    watchPresence(ts, conversationId!, (present) => onChange([...present]), { ...options, onError }),
  );
  const error = joinFailed && joinFailed.key === key ? joinFailed.error : null;
  return error && !watched.error ? { ...watched, error } : watched;
}

/**
 * A conversation's versions, newest first (`listVersions`), with `restore` (a new revision: open
 * editors receive it as another member's save) and `save` (a named version now), owner and editors
 * only; each reads the list again. Not watched otherwise: `refresh()` shows new automatic snapshots.
 */
export function useVersions(
  conversationId: string | null,
  options: OwnerOption = {},
): Refreshable<VersionInfo> & {
  readonly restore: (versionId: string) => Promise<{ revision: number; keptAs: string }>;
  readonly save: (name: string) => Promise<{ versionId: string; revision: number }>;
} {
  const ts = useTalkStudio();
  const loaded = useFetched(useConversationKey(conversationId, options), () =>
    listVersions(ts, conversationId!, options),
  );
  const restore = async (versionId: string) => {
    const restored = await restoreVersion(ts, conversationId!, versionId, options);
    loaded.refresh();
    return restored;
  };
  const save = async (name: string) => {
    const saved = await saveVersion(ts, conversationId!, name, options);
    loaded.refresh();
    return saved;
  };
  return { ...loaded, restore, save };
}
