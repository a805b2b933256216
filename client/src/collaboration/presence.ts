// Who has a conversation open (docs/collaboration.md): each member's client rewrites its own
// `presence/{uid}` document every presenceHeartbeatSeconds and marks it left on leaving; readers drop
// entries whose heartbeat is older than presenceStaleSeconds (a crashed tab never says goodbye).
// The name and avatar are the member's profile's: the rules refuse anything else.
import {
  collection,
  doc,
  getDoc,
  onSnapshot,
  serverTimestamp,
  setDoc,
  Timestamp,
  type Unsubscribe,
} from "firebase/firestore";
import * as z from "zod/mini";
import { ownerOf, type OwnerOption } from "../conversations/get.js";
import { ESTIMATED } from "../estimated.js";
import { noteRefusal } from "./access-lost.js";
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

/** Where the conversation is; the name and avatar shown are the caller's profile's. */
export type JoinOptions = OwnerOption;

const HEARTBEAT_MS = COLLABORATION_LIMITS.presenceHeartbeatSeconds * 1000;
const MIN_BEAT_MS = COLLABORATION_LIMITS.presenceMinBeatSeconds * 1000;
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
    const readShown = async () => {
      const profile = (await getDoc(doc(ts.db, firestorePaths.user(uid)))).data() ?? {};
      const { displayName, photoURL } = parseOrThrow(profileShown, profile, "Not a valid profile.");
      return { name: displayName ?? "", avatarUrl: photoURL ?? "" };
    };
    let shown = await readShown();
    const write = (expiresAt: Timestamp | ReturnType<typeof serverTimestamp>) =>
      setDoc(ref, { ...shown, updatedAt: serverTimestamp(), expiresAt });
    const beat = () => write(Timestamp.fromMillis(Date.now() + EXPIRES_MS));
    // The rules refuse a beat that shows anything but the profile as it is now (a rename since it
    // was read, e.g. right after sign-up) or that comes within presenceMinBeatSeconds of the last
    // write (a reload): read the profile again and beat once more when the wait has passed.
    const beatAfterRefusal = async (error: unknown) => {
      if (toTalkStudioError(error).kind !== "permission-denied") throw error;
      shown = await readShown();
      await new Promise((resolve) => setTimeout(resolve, MIN_BEAT_MS));
      await beat();
    };
    await beat().catch(beatAfterRefusal);
    // A missed beat (offline) is harmless: the next one, or the SDK's queued write, catches up.
    const timer = setInterval(
      () =>
        void beat()
          .catch(beatAfterRefusal)
          .catch(() => undefined),
      HEARTBEAT_MS,
    );
    let left = false;
    return {
      leave: () =>
        typedErrors(async () => {
          if (left) return;
          left = true;
          clearInterval(timer);
          // Leaving is one last write (expiresAt = updatedAt): readers drop the entry at once.
          await write(serverTimestamp()).catch(async (error: unknown) => {
            if (toTalkStudioError(error).kind !== "permission-denied") throw error;
            shown = await readShown();
            await write(serverTimestamp());
          });
        }),
    };
  });
}

/** What presence shows of `users/{uid}` (the rules compare the same fields; none yet is ""). */
const profileShown = z.object({
  displayName: z.optional(z.nullable(presenceName)),
  photoURL: z.optional(z.nullable(presenceAvatar)),
});

const storedPresence = z.object({
  name: z.string(),
  avatarUrl: z.string(),
  updatedAt: z.instanceof(Timestamp),
  expiresAt: z.optional(z.instanceof(Timestamp)),
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
        const { name, avatarUrl, updatedAt, expiresAt } = parsed.data;
        // Left: its last write set expiresAt to its own time.
        if (expiresAt && expiresAt.toMillis() <= updatedAt.toMillis()) return [];
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
