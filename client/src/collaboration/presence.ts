// Who has a conversation open (docs/collaboration.md): each member's client rewrites its own
// `presence/{uid}` document every presenceHeartbeatSeconds and deletes it on leaving; readers drop
// entries whose heartbeat is older than presenceStaleSeconds (a crashed tab never says goodbye).
import {
  collection,
  deleteDoc,
  doc,
  onSnapshot,
  serverTimestamp,
  setDoc,
  Timestamp,
  type Unsubscribe,
} from "firebase/firestore";
import * as z from "zod/mini";
import { ownerOf, type OwnerOption } from "../conversations/get.js";
import { ESTIMATED } from "../estimated.js";
import { noteRefusal } from "../members/access-lost.js";
import type { TalkStudio } from "../firebase.js";
import { requireUid } from "../require-uid.js";
import { COLLABORATION_LIMITS, firestorePaths, presenceAvatar, presenceName } from "../schema/index.js";
import { parseOrThrow, toTalkStudioError, typedErrors, type TalkStudioError } from "../talkstudio-error.js";

/** A member with the conversation open. */
export interface PresenceEntry {
  readonly uid: string;
  readonly name: string;
  readonly avatarUrl: string;
  /** The server's time of their last heartbeat. */
  readonly lastSeen: Date;
}

export interface JoinOptions extends OwnerOption {
  /** Shown to the others; default the signed-in account's display name. */
  readonly name?: string;
  /** Default the account's photo URL, or none. */
  readonly avatarUrl?: string;
}

const HEARTBEAT_MS = COLLABORATION_LIMITS.presenceHeartbeatSeconds * 1000;
const STALE_MS = COLLABORATION_LIMITS.presenceStaleSeconds * 1000;
/** TTL: well past the point where readers hide it; rules allow up to an hour ahead. */
const EXPIRES_MS = 10 * 60 * 1000;

/**
 * Announces the signed-in member in the conversation until `leave()` (call it when the editor
 * closes; `pagehide` in the SPA). Resolves once the first heartbeat is written.
 */
export function joinPresence(
  ts: TalkStudio,
  conversationId: string,
  options: JoinOptions = {},
): Promise<{ leave(): Promise<void> }> {
  return typedErrors(async () => {
    const uid = requireUid(ts);
    const ref = doc(ts.db, firestorePaths.presenceOf(ownerOf(ts, options), conversationId, uid));
    const user = ts.auth.currentUser;
    const name = parseOrThrow(presenceName, options.name ?? user?.displayName ?? "", "Not a valid name.");
    const avatarUrl = parseOrThrow(
      presenceAvatar,
      options.avatarUrl ?? user?.photoURL ?? "",
      "Not a valid avatar URL.",
    );
    const beat = () =>
      setDoc(ref, {
        name,
        avatarUrl,
        updatedAt: serverTimestamp(),
        expiresAt: Timestamp.fromMillis(Date.now() + EXPIRES_MS),
      });
    await beat();
    // A missed beat (offline) is harmless: the next one, or the SDK's queued write, catches up.
    const timer = setInterval(() => void beat().catch(() => undefined), HEARTBEAT_MS);
    let left = false;
    return {
      leave: () =>
        typedErrors(async () => {
          if (left) return;
          left = true;
          clearInterval(timer);
          await deleteDoc(ref);
        }),
    };
  });
}

const storedPresence = z.object({
  name: z.string(),
  avatarUrl: z.string(),
  updatedAt: z.instanceof(Timestamp),
});

/**
 * Calls `onChange` with everyone who has the conversation open (the caller's own devices included:
 * filter by `uid`), whenever that changes, and as stale entries age out. Returns the function that
 * stops watching.
 */
export function watchPresence(
  ts: TalkStudio,
  conversationId: string,
  onChange: (present: readonly PresenceEntry[]) => void,
  options: OwnerOption & { readonly onError?: (error: TalkStudioError) => void } = {},
): Unsubscribe {
  let all: PresenceEntry[] = [];
  let shown: string | null = null;
  const emit = () => {
    const now = Date.now();
    const present = all.filter((p) => now - p.lastSeen.getTime() < STALE_MS);
    const key = JSON.stringify(present);
    if (key === shown) return;
    shown = key;
    onChange(present);
  };
  const owner = ownerOf(ts, options);
  const stop = onSnapshot(
    collection(ts.db, firestorePaths.presence(owner, conversationId)),
    (snapshot) => {
      all = snapshot.docs.flatMap((d) => {
        const parsed = storedPresence.safeParse(d.data(ESTIMATED));
        if (!parsed.success) return [];
        const { name, avatarUrl, updatedAt } = parsed.data;
        return [{ uid: d.id, name, avatarUrl, lastSeen: updatedAt.toDate() }];
      });
      emit();
    },
    (error) => {
      const typed = toTalkStudioError(error);
      noteRefusal(ts, owner, conversationId, typed);
      options.onError?.(typed);
    },
  );
  // Nobody writes when someone vanishes: look again as entries age.
  const timer = setInterval(emit, 5000);
  return () => {
    clearInterval(timer);
    stop();
  };
}
