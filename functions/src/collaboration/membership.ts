// Who is in a conversation: listing members, the owner removing one, a member leaving.
import { DomainError } from "../common/errors.js";
import { consumeRateLimits } from "../rate-limit/rate-limiter.js";
import { firestorePaths, type Member, type MemberRole } from "../schema.js";
import { conversationNotFound, summaryRef } from "../conversations/conversation-documents.js";
import { accessTo } from "../conversations/editor-access.js";
import type { ShareDeps } from "../shares/deps.js";
import { membersOf, removeFromMembers } from "./member-documents.js";
import { memberCharges } from "./member-charges.js";

const ownerCannotLeave = () =>
  new DomainError(
    "failed-precondition",
    "owner-cannot-leave",
    "The owner cannot leave or be removed; delete the conversation instead.",
  );

const ORDER: Record<Member["role"], number> = { owner: 0, editor: 1, viewer: 2 };

/**
 * The owner and every member of a conversation, with the names and pictures of their profiles:
 * for the owner and its members only (anyone else: `conversation-not-found`). At most
 * COLLABORATION_LIMITS.membersPerConversation + 1 profiles are read.
 */
export async function listMembers(
  deps: Pick<ShareDeps, "db" | "now">,
  uid: string,
  input: { conversationId: string; ownerUid?: string | undefined },
): Promise<Member[]> {
  const { db } = deps;
  const ownerUid = input.ownerUid ?? uid;
  await consumeRateLimits(db, memberCharges(uid), deps.now());
  const summary = await summaryRef(db, ownerUid, input.conversationId).get();
  accessTo(summary.data(), ownerUid, uid);
  const members = membersOf(summary);
  const roles: [string, Member["role"]][] = [[ownerUid, "owner"], ...Object.entries<MemberRole>(members)];
  const profiles = await db.getAll(...roles.map(([memberUid]) => db.doc(firestorePaths.user(memberUid))));
  return roles
    .map(([memberUid, role], i) => ({
      uid: memberUid,
      role,
      displayName: (profiles[i]?.get("displayName") as string | null | undefined) ?? null,
      photoURL: (profiles[i]?.get("photoURL") as string | null | undefined) ?? null,
    }))
    .sort((a, b) => ORDER[a.role] - ORDER[b.role] || a.uid.localeCompare(b.uid));
}

/**
 * The owner takes a member out, for good: the invites live now never seat them again (only a new
 * one does). Removing someone who is not a member changes nothing.
 */
export async function removeMember(
  deps: Pick<ShareDeps, "db" | "now">,
  ownerUid: string,
  input: { conversationId: string; uid: string },
): Promise<void> {
  if (input.uid === ownerUid) throw ownerCannotLeave();
  const now = deps.now();
  await consumeRateLimits(deps.db, memberCharges(ownerUid), now);
  const summary = await summaryRef(deps.db, ownerUid, input.conversationId).get();
  if (!summary.exists) throw conversationNotFound();
  await removeFromMembers(deps.db, ownerUid, input.conversationId, input.uid, now);
}

/** A member leaves someone else's conversation; leaving one you are not in changes nothing. */
export async function leaveConversation(
  deps: Pick<ShareDeps, "db" | "now">,
  uid: string,
  input: { ownerUid: string; conversationId: string },
): Promise<void> {
  if (input.ownerUid === uid) throw ownerCannotLeave();
  await consumeRateLimits(deps.db, memberCharges(uid), deps.now());
  await removeFromMembers(deps.db, input.ownerUid, input.conversationId, uid);
}
