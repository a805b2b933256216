// Invite links: the owner makes, lists and revokes them; anyone signed in accepts one.
import { Timestamp, type Transaction } from "firebase-admin/firestore";
import { assertAccountOpenIn } from "../common/closed-accounts.js";
import { DomainError } from "../common/errors.js";
import { CodeTaken, withFreshCode } from "../common/fresh-code.js";
import { consumeRateLimits, releaseRateLimits } from "../rate-limit/rate-limiter.js";
import {
  COLLABORATION_LIMITS,
  type AcceptedInvite,
  firestorePaths,
  type Invite,
  type InvitePreview,
  type InviteToConversationInput,
  type MemberRole,
} from "../schema.js";
import { conversationIn } from "../conversations/conversation-documents.js";
import type { ShareCaller, ShareDeps } from "../shares/deps.js";
import { hoursFrom } from "../shares/documents.js";
import {
  assertInviteOpen,
  inviteNotFound,
  inviteOf,
  inviteRef,
  inviteRevoked,
  liveInvitesOf,
  membersOf,
  writeMembers,
  type StoredInvite,
} from "./member-documents.js";
import {
  addressGuessCharges,
  inviteCreateCharges,
  memberCharges,
  userGuessCharges,
} from "./member-charges.js";

/**
 * A new invite to one of the caller's conversations. The live-invite cap is read before the
 * transaction (as the share cap is): creates in flight together can pass it at once, by at most the
 * per-minute create budget.
 */
export async function inviteToConversation(
  deps: ShareDeps,
  uid: string,
  input: InviteToConversationInput,
): Promise<Invite> {
  const { db } = deps;
  const now = deps.now();
  await consumeRateLimits(db, inviteCreateCharges(uid), now);
  const live = await liveInvitesOf(db, uid, input.conversationId, now).select().get();
  if (live.size >= COLLABORATION_LIMITS.liveInvitesPerConversation) {
    throw new DomainError(
      "failed-precondition",
      "too-many-invites",
      `A conversation can have at most ${COLLABORATION_LIMITS.liveInvitesPerConversation} live invites: revoke one first.`,
    );
  }
  const stored: StoredInvite = {
    ownerUid: uid,
    conversationId: input.conversationId,
    role: input.role,
    createdAt: Timestamp.fromDate(now),
    expiresAt: hoursFrom(now, input.expiresInHours ?? COLLABORATION_LIMITS.inviteDefaultExpiryHours),
    revokedAt: null,
    maxUses: input.maxUses ?? COLLABORATION_LIMITS.inviteMaxUses,
    uses: 0,
  };
  return withFreshCode(deps.newCode, (code) =>
    db.runTransaction(async (tx) => {
      await assertAccountOpenIn(tx, db, uid);
      const existing = await tx.get(inviteRef(db, code));
      await conversationIn(tx, db, uid, input.conversationId);
      if (existing.exists) throw new CodeTaken();
      tx.create(inviteRef(db, code), stored);
      return inviteOf(code, stored, deps.baseUrl);
    }),
  );
}

/** The live invites of one of the caller's conversations, newest first (none for anyone else's). */
export async function listInvites(deps: ShareDeps, uid: string, conversationId: string): Promise<Invite[]> {
  const now = deps.now();
  await consumeRateLimits(deps.db, memberCharges(uid), now);
  const live = await liveInvitesOf(deps.db, uid, conversationId, now).get();
  return live.docs
    .map((doc) => inviteOf(doc.id, doc.data(), deps.baseUrl))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.code.localeCompare(a.code));
}

/** Turns an invite off for good; revoking a revoked invite answers its first revocation time. */
export async function revokeInvite(
  deps: ShareDeps,
  uid: string,
  code: string,
): Promise<{ code: string; revokedAt: string }> {
  const { db } = deps;
  await consumeRateLimits(db, memberCharges(uid), deps.now());
  const revokedAt = await db.runTransaction(async (tx) => {
    const stored = (await tx.get(inviteRef(db, code))).data();
    // Someone else's invite is not found, as an unknown code: a code's existence never leaks.
    if (!stored || stored.ownerUid !== uid) throw inviteNotFound();
    if (stored.revokedAt !== null) return stored.revokedAt;
    const now = Timestamp.fromDate(deps.now());
    tx.update(inviteRef(db, code), { revokedAt: now });
    return now;
  });
  return { code, revokedAt: revokedAt.toDate().toISOString() };
}

const RANK: Record<MemberRole, number> = { viewer: 1, editor: 2 };

type InviteCaller = ShareCaller & { uid: string };

/**
 * Runs `use` on an open invite the caller may use, in a transaction: `invite-not-found`, `-revoked`
 * (for everyone, or for a member the owner removed while it was live) or `-expired` otherwise.
 * Trying a code costs a call of the caller's hourly budget and reserves a guess of theirs, given back
 * when the code exists; the address's guess budget is charged only for a code that does not exist,
 * after the lookup, so throwaway accounts spending it never hold back a real invite from the same
 * address (docs/collaboration.md).
 */
async function withOpenInvite<T>(
  deps: ShareDeps,
  caller: InviteCaller,
  code: string,
  use: (tx: Transaction, stored: StoredInvite) => Promise<T>,
): Promise<T> {
  const { db } = deps;
  const { uid } = caller;
  await consumeRateLimits(db, memberCharges(uid), deps.now());
  const guess = await consumeRateLimits(db, userGuessCharges(uid), deps.now());
  let exists = false;
  try {
    return await db.runTransaction(async (tx) => {
      await assertAccountOpenIn(tx, db, uid);
      const stored = (await tx.get(inviteRef(db, code))).data();
      exists = stored !== undefined;
      if (!stored) throw inviteNotFound();
      assertInviteOpen(stored, deps.now());
      if (stored.removedUids?.includes(uid)) throw inviteRevoked();
      return use(tx, stored);
    });
  } catch (error) {
    if (error instanceof DomainError && error.reason === "invite-not-found")
      await consumeRateLimits(db, addressGuessCharges(caller.clientKey), deps.now());
    throw error;
  } finally {
    if (exists) await releaseRateLimits(guess);
  }
}

/**
 * What accepting `code` would join, without joining: the conversation's title, the inviter's display
 * name and the role. Charged and refused as acceptInvite is, except that it writes nothing.
 */
export async function previewInvite(
  deps: ShareDeps,
  caller: InviteCaller,
  code: string,
): Promise<InvitePreview> {
  const { db } = deps;
  return withOpenInvite(deps, caller, code, async (tx, stored) => {
    const { ownerUid } = stored;
    const summary = await conversationIn(tx, db, ownerUid, stored.conversationId);
    const current = membersOf(summary)[caller.uid];
    const seated = ownerUid === caller.uid || (current !== undefined && RANK[current] >= RANK[stored.role]);
    if (!seated) assertUsesLeft(stored);
    const [profile] = await tx.getAll(db.doc(firestorePaths.user(ownerUid)));
    const title: unknown = summary.get("title");
    const name: unknown = profile!.get("displayName");
    return {
      title: typeof title === "string" ? title : "",
      inviterName: typeof name === "string" ? name : null,
      role: stored.role,
      expiresAt: stored.expiresAt.toDate().toISOString(),
    };
  });
}

function assertUsesLeft(stored: StoredInvite): void {
  if (stored.uses >= stored.maxUses) {
    throw new DomainError("failed-precondition", "invite-used-up", "This invite has been used up.");
  }
}

/**
 * Adds the caller to the invite's conversation with its role. Accepting again, or an invite weaker
 * than the role the caller has, changes nothing and spends no use; a stronger one upgrades. Charged
 * as withOpenInvite says.
 */
export async function acceptInvite(deps: ShareDeps, caller: InviteCaller, code: string) {
  const { db } = deps;
  const { uid } = caller;
  return withOpenInvite(deps, caller, code, async (tx, stored): Promise<AcceptedInvite> => {
    const { ownerUid, conversationId } = stored;
    if (ownerUid === uid) return { ownerUid, conversationId, role: "owner" };
    const summary = await conversationIn(tx, db, ownerUid, conversationId);
    const members = membersOf(summary);
    const current = members[uid];
    if (current !== undefined && RANK[current] >= RANK[stored.role]) {
      return { ownerUid, conversationId, role: current };
    }
    assertUsesLeft(stored);
    if (current === undefined && Object.keys(members).length >= COLLABORATION_LIMITS.membersPerConversation) {
      throw new DomainError(
        "failed-precondition",
        "too-many-members",
        `A conversation can have at most ${COLLABORATION_LIMITS.membersPerConversation} members.`,
      );
    }
    writeMembers(tx, db, ownerUid, conversationId, { ...members, [uid]: stored.role });
    tx.update(inviteRef(db, code), { uses: stored.uses + 1 });
    return { ownerUid, conversationId, role: stored.role };
  });
}
