// The user's live conversation list and a conversation's shares, as React state.
import { useCallback, useEffect, useState } from "react";
import { watchConversations, type ListOptions } from "../conversations/index.js";
import type { ConversationSummary, ShareSettings } from "../schema/index.js";
import { listShares } from "../shares/index.js";
import { toTalkStudioError, type TalkStudioError } from "../talkstudio-error.js";
import { useTalkStudio } from "./provider.js";
import { useSession } from "./session.js";

export interface Loaded<T> {
  /** What was read; empty while loading or signed out. */
  readonly items: T[];
  readonly loading: boolean;
  readonly error: TalkStudioError | null;
}

const NOTHING: Loaded<never> = { items: [], loading: false, error: null };
const LOADING: Loaded<never> = { items: [], loading: true, error: null };

/**
 * The signed-in user's list, live (`watchConversations`): other tabs' and devices' new, renamed,
 * saved and deleted conversations arrive by themselves. Empty when signed out.
 */
export function useConversations(options: ListOptions = {}): Loaded<ConversationSummary> {
  const ts = useTalkStudio();
  const uid = useSession().user?.uid;
  const [state, setState] = useState<Loaded<ConversationSummary> & { key?: string }>(NOTHING);
  // Options arrive as a new object each render: watch again only when what they say changes.
  const key = uid ? `${uid} ${JSON.stringify(options)}` : undefined;
  useEffect(() => {
    if (!key) return;
    setState({ ...LOADING, key });
    return watchConversations(
      ts,
      JSON.parse(key.slice(key.indexOf(" ") + 1)) as ListOptions,
      (items) => setState({ items, loading: false, error: null, key }),
      (error) => setState({ items: [], loading: false, error, key }),
    );
  }, [ts, key]);
  return state.key === key ? state : key ? LOADING : NOTHING;
}

/**
 * The signed-in user's shares of one conversation (revoked and expired ones included), newest
 * first. Shares are not watched: call `refresh()` after creating, changing or revoking one.
 */
export function useShares(
  conversationId: string | null,
): Loaded<ShareSettings> & { readonly refresh: () => void } {
  const ts = useTalkStudio();
  const uid = useSession().user?.uid;
  const [state, setState] = useState<Loaded<ShareSettings> & { key?: string }>(NOTHING);
  const [round, setRound] = useState(0);
  const key = uid && conversationId ? `${uid} ${conversationId} ${round}` : undefined;
  useEffect(() => {
    if (!key || !conversationId) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true, key }));
    listShares(ts, { conversationId, pageSize: 100 }).then(
      ({ items }) => current && setState({ items, loading: false, error: null, key }),
      (error: unknown) =>
        current && setState({ items: [], loading: false, error: toTalkStudioError(error), key }),
    );
    return () => {
      current = false;
    };
  }, [ts, key, conversationId]);
  const refresh = useCallback(() => setRound((n) => n + 1), []);
  const shown = state.key === key ? state : key ? { ...state, loading: true } : NOTHING;
  return { ...shown, refresh };
}
