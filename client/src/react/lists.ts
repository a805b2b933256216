// The user's live conversation lists (their own, and those shared with them) and a conversation's
// shares, as React state.
import { watchConversations, type ListOptions } from "../conversations/index.js";
import {
  watchSharedWithMe,
  type SharedConversationSummary,
  type SharedListOptions,
} from "../collaboration/index.js";
import type { ConversationSummary, ShareSettings } from "../schema/index.js";
import { listShares } from "../shares/index.js";
import { useFetched, useWatched, type Loaded, type Refreshable } from "./loaded.js";
import { useTalkStudio } from "./provider.js";
import { useSession } from "./session.js";

export type { Loaded, Refreshable } from "./loaded.js";

/** `uid` and the options as one key: options arrive as a new object each render. */
const signedInKey = (uid: string | undefined, ...parts: unknown[]) =>
  uid ? JSON.stringify([uid, ...parts]) : undefined;

/**
 * The signed-in user's list, live (`watchConversations`): other tabs' and devices' new, renamed,
 * saved and deleted conversations arrive by themselves. Empty when signed out.
 */
export function useConversations(options: ListOptions = {}): Loaded<ConversationSummary> {
  const ts = useTalkStudio();
  const uid = useSession().user?.uid;
  return useWatched(signedInKey(uid, options), (onChange, onError) =>
    watchConversations(ts, options, onChange, onError),
  );
}

/**
 * The conversations others shared with the signed-in user, live (`watchSharedWithMe`), each with
 * its `ownerUid` and the user's `role`: an accepted invite adds one, being removed takes it out at
 * once. Show it next to `useConversations`. Empty when signed out.
 */
export function useSharedWithMe(options: SharedListOptions = {}): Loaded<SharedConversationSummary> {
  const ts = useTalkStudio();
  const uid = useSession().user?.uid;
  return useWatched(signedInKey(uid, options), (onChange, onError) =>
    watchSharedWithMe(ts, options, onChange, onError),
  );
}

/**
 * The signed-in user's shares of one conversation (revoked and expired ones included), newest
 * first. Shares are not watched: call `refresh()` after creating, changing or revoking one.
 */
export function useShares(conversationId: string | null): Refreshable<ShareSettings> {
  const ts = useTalkStudio();
  const uid = useSession().user?.uid;
  return useFetched(conversationId ? signedInKey(uid, conversationId) : undefined, async () => {
    const { items } = await listShares(ts, { conversationId: conversationId!, pageSize: 100 });
    return items;
  });
}
