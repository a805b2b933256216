// Conversations of others the signed-in user was found to have lost (a watcher of one was refused),
// per client app. The shared-with-me list hides them at once: a live collection-group query is not
// always told that a document left it when its rules stop letting the user read that document
// (seen on the emulator whenever a query under the conversation, presence, was refused too).
import type { TalkStudio } from "../firebase.js";
import type { TalkStudioError } from "../talkstudio-error.js";

interface Registry {
  readonly lost: Set<string>;
  readonly listeners: Set<() => void>;
}

const registries = new WeakMap<TalkStudio, Registry>();

function registryOf(ts: TalkStudio): Registry {
  let registry = registries.get(ts);
  if (!registry) registries.set(ts, (registry = { lost: new Set(), listeners: new Set() }));
  return registry;
}

/** The signed-in user and the conversation: another account signed in on the same app starts clean. */
const keyOf = (ts: TalkStudio, ownerUid: string, id: string) =>
  JSON.stringify([ts.auth.currentUser?.uid ?? null, ownerUid, id]);

/**
 * Called by a watcher of `ownerUid`'s conversation `id` with its error: a refusal while the user is
 * signed in as someone other than the owner means their membership ended.
 */
export function noteRefusal(ts: TalkStudio, ownerUid: string, id: string, error: TalkStudioError): void {
  const uid = ts.auth.currentUser?.uid;
  if (error.kind !== "permission-denied" || !uid || uid === ownerUid) return;
  const { lost, listeners } = registryOf(ts);
  const key = keyOf(ts, ownerUid, id);
  if (lost.has(key)) return;
  lost.add(key);
  for (const listener of [...listeners]) listener();
}

/** Access given again (an accepted invite): the conversation may be listed again. */
export function forgetRefusal(ts: TalkStudio, ownerUid: string, id: string): void {
  const { lost, listeners } = registryOf(ts);
  if (!lost.delete(keyOf(ts, ownerUid, id))) return;
  for (const listener of [...listeners]) listener();
}

/** Whether a watcher was refused `ownerUid`'s conversation `id` since it was last (re)joined. */
export const isLost = (ts: TalkStudio, ownerUid: string, id: string) =>
  registryOf(ts).lost.has(keyOf(ts, ownerUid, id));

/** Calls `listener` whenever a conversation is found lost or given back; returns the function that stops. */
export function onAccessChange(ts: TalkStudio, listener: () => void): () => void {
  const { listeners } = registryOf(ts);
  listeners.add(listener);
  return () => listeners.delete(listener);
}
