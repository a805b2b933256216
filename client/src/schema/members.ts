// Members of a conversation and the invite links that make them (docs/collaboration.md).
import * as z from "zod/mini";
import { firestoreId, userId } from "./ids.js";
import { COLLABORATION_LIMITS, SHARE_CODE_PATTERN } from "./limits.js";
import { isoTime } from "./share.js";
import { webUrl } from "./conversation.js";

/** What a member may do: an editor saves (never deletes, manages members or shares); a viewer reads. */
export const MEMBER_ROLES = ["editor", "viewer"] as const;
export const memberRole = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof memberRole>;
/** A role as listMembers and acceptInvite tell it: the owner is nobody's member. */
export type ConversationRole = MemberRole | "owner";

/**
 * `members` on a conversation's summary and content documents: uid → role, written by functions
 * only. The summary also keeps `memberUids` (the same uids) for the shared-with-me query.
 */
export type MemberMap = Record<string, MemberRole>;

/** An invite code: as unguessable as a share code (132 bits), checked before any read. */
export const inviteCode = z
  .string()
  .check(
    z.regex(
      SHARE_CODE_PATTERN,
      `must be an invite code (${COLLABORATION_LIMITS.inviteCodeChars} characters)`,
    ),
  );

/** Where an invite link opens: the app's root reads `invite` and calls acceptInvite. */
export const inviteUrl = (baseUrl: string, code: string) => `${baseUrl}/?invite=${code}`;

/** `invites/{code}`: functions-only; a TTL policy on `expiresAt` removes it. */
export interface InviteDocument<Time> {
  ownerUid: string;
  conversationId: string;
  role: MemberRole;
  createdAt: Time;
  expiresAt: Time;
  revokedAt: Time | null;
  /** How many people it may seat; `uses` counts those it did. */
  maxUses: number;
  uses: number;
  /**
   * Members the owner removed while this invite was live: it never seats them again (a new invite
   * does). Absent until the first removal.
   */
  removedUids?: string[];
}

// ---- Callable shapes ------------------------------------------------------------------------

export const inviteToConversationInput = z.strictObject({
  conversationId: firestoreId,
  role: memberRole,
  /** Default COLLABORATION_LIMITS.inviteDefaultExpiryHours (7 days). */
  expiresInHours: z.optional(
    z
      .int()
      .check(
        z.minimum(COLLABORATION_LIMITS.inviteMinExpiryHours),
        z.maximum(COLLABORATION_LIMITS.inviteMaxExpiryHours),
      ),
  ),
  /** Default COLLABORATION_LIMITS.inviteMaxUses. */
  maxUses: z.optional(z.int().check(z.minimum(1), z.maximum(COLLABORATION_LIMITS.inviteMaxUses))),
});
export type InviteToConversationInput = z.infer<typeof inviteToConversationInput>;
/** The options of inviteToConversation (the conversation is its own argument). */
export type InviteOptions = Omit<InviteToConversationInput, "conversationId">;

/** An invite as its owner sees it (inviteToConversation's answer; listInvites' rows). */
export const invite = z.object({
  code: inviteCode,
  url: webUrl,
  conversationId: firestoreId,
  role: memberRole,
  createdAt: isoTime,
  expiresAt: isoTime,
  maxUses: z.int(),
  uses: z.int(),
});
export type Invite = z.infer<typeof invite>;

export const conversationIdInput = z.strictObject({ conversationId: firestoreId });
export const listInvitesOutput = z.object({ items: z.array(invite) });

export const inviteCodeInput = z.strictObject({ code: inviteCode });
export const revokeInviteOutput = z.object({ code: inviteCode, revokedAt: isoTime });

export const acceptInviteOutput = z.object({
  ownerUid: userId,
  conversationId: firestoreId,
  role: z.enum(["owner", ...MEMBER_ROLES]),
});
export type AcceptedInvite = z.infer<typeof acceptInviteOutput>;

/**
 * What an invite would seat the caller in, shown before they accept: the conversation's title, the
 * inviter's display name (never their uid) and the role. Refused as acceptInvite would refuse it.
 */
export const invitePreview = z.object({
  title: z.string(),
  inviterName: z.nullable(z.string()),
  role: memberRole,
  expiresAt: isoTime,
});
export type InvitePreview = z.infer<typeof invitePreview>;

/** A conversation someone else owns, named by its owner and id. */
export const sharedConversationInput = z.strictObject({ ownerUid: userId, conversationId: firestoreId });

/** listMembers: a member names the owner; the owner may leave ownerUid out. */
export const listMembersInput = z.strictObject({
  conversationId: firestoreId,
  ownerUid: z.optional(userId),
});
export const member = z.object({
  uid: userId,
  role: z.enum(["owner", ...MEMBER_ROLES]),
  displayName: z.nullable(z.string()),
  photoURL: z.nullable(z.string()),
});
export type Member = z.infer<typeof member>;
export const listMembersOutput = z.object({ items: z.array(member) });

export const removeMemberInput = z.strictObject({ conversationId: firestoreId, uid: userId });
export const noOutput = z.object({});
