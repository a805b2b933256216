// Members and invite links (docs/collaboration.md): each call is one callable.
import { callFunction } from "../call-function.js";
import type { TalkStudio } from "../firebase.js";
import { forgetRefusal } from "./access-lost.js";
import {
  acceptInviteContract,
  inviteToConversationContract,
  leaveConversationContract,
  listInvitesContract,
  listMembersContract,
  previewInviteContract,
  removeMemberContract,
  revokeInviteContract,
  type AcceptedInvite,
  type Invite,
  type InviteOptions,
  type InvitePreview,
  type Member,
} from "../schema/index.js";

/** A new invite link to one of the signed-in user's conversations (`{ code, url, … }`). */
export const inviteToConversation = (
  ts: TalkStudio,
  conversationId: string,
  options: InviteOptions,
): Promise<Invite> => callFunction(ts, inviteToConversationContract, { conversationId, ...options });

/**
 * What accepting an invite would join — `{ title, inviterName, role, expiresAt }` — for the question
 * asked before acceptInvite. Refused as acceptInvite would be (`invite-not-found`, `-expired`,
 * `-revoked`, `-used-up`), and rate-limited as it is; it joins nothing.
 */
export const previewInvite = (ts: TalkStudio, code: string): Promise<InvitePreview> =>
  callFunction(ts, previewInviteContract, { code });

/**
 * Joins the conversation of an invite with its role (an owner accepting their own link gets
 * `role: "owner"`); open it as `users/{ownerUid}/conversations/{conversationId}`.
 */
export async function acceptInvite(ts: TalkStudio, code: string): Promise<AcceptedInvite> {
  const accepted = await callFunction(ts, acceptInviteContract, { code });
  forgetRefusal(ts, accepted.ownerUid, accepted.conversationId);
  return accepted;
}

/** The live invites of one of the signed-in user's conversations, newest first (used-up ones too). */
export const listInvites = async (ts: TalkStudio, conversationId: string): Promise<Invite[]> =>
  (await callFunction(ts, listInvitesContract, { conversationId })).items;

/** Turns an invite link off for good; to rotate one, revoke it and make a new one. */
export const revokeInvite = (ts: TalkStudio, code: string): Promise<{ code: string; revokedAt: string }> =>
  callFunction(ts, revokeInviteContract, { code });

/**
 * The owner and members of a conversation with their names and pictures, owner first. `ownerUid`
 * names someone else's conversation the signed-in user is a member of; default: their own.
 */
export const listMembers = async (
  ts: TalkStudio,
  conversationId: string,
  ownerUid?: string,
): Promise<Member[]> =>
  (
    await callFunction(
      ts,
      listMembersContract,
      ownerUid === undefined ? { conversationId } : { conversationId, ownerUid },
    )
  ).items;

/** The owner takes a member out of one of their conversations: their access ends at once. */
export async function removeMember(ts: TalkStudio, conversationId: string, uid: string): Promise<void> {
  await callFunction(ts, removeMemberContract, { conversationId, uid });
}

/** The signed-in user leaves a conversation `ownerUid` shared with them. */
export async function leaveConversation(
  ts: TalkStudio,
  conversationId: string,
  ownerUid: string,
): Promise<void> {
  await callFunction(ts, leaveConversationContract, { ownerUid, conversationId });
}
