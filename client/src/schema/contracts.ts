import type * as z from "zod/mini";
import { kakaoSignInInput, kakaoSignInOutput } from "./identity.js";
import {
  acceptInviteOutput,
  conversationIdInput,
  invite,
  inviteCodeInput,
  invitePreview,
  inviteToConversationInput,
  listInvitesOutput,
  listMembersInput,
  listMembersOutput,
  noOutput,
  removeMemberInput,
  revokeInviteOutput,
  sharedConversationInput,
} from "./members.js";
import { importConversationsInput, importConversationsOutput } from "./imports.js";
import {
  restoreVersionInput,
  restoreVersionOutput,
  saveVersionInput,
  saveVersionOutput,
} from "./collaboration.js";
import {
  copySharedConversationOutput,
  createShareInput,
  createShareOutput,
  openShareInput,
  openShareOutput,
  revokeShareOutput,
  shareCodeInput,
  shareSettings,
  updateShareInput,
} from "./share.js";

export { FUNCTIONS_REGION } from "./region.js";

/**
 * A callable function's contract: its name and the shapes of both directions. The server's wrapper
 * parses `input` and checks its own answer against `output`; the client calls through the same
 * contract, so the name and the shapes exist once.
 */
export interface CallableContract<
  I extends z.ZodMiniType = z.ZodMiniType,
  O extends z.ZodMiniType = z.ZodMiniType,
> {
  readonly name: string;
  readonly input: I;
  readonly output: O;
}

export type CallableInput<C extends CallableContract> = z.input<C["input"]>;
export type CallableOutput<C extends CallableContract> = z.output<C["output"]>;

function contract<I extends z.ZodMiniType, O extends z.ZodMiniType>(
  name: string,
  input: I,
  output: O,
): CallableContract<I, O> {
  return { name, input, output };
}

/** Every callable the functions export, by its exported name. */
export const callables = {
  kakaoSignIn: contract("kakaoSignIn", kakaoSignInInput, kakaoSignInOutput),
  createShare: contract("createShare", createShareInput, createShareOutput),
  updateShare: contract("updateShare", updateShareInput, shareSettings),
  revokeShare: contract("revokeShare", shareCodeInput, revokeShareOutput),
  /** Revokes a share and creates its successor with the same settings (password included). */
  regenerateShare: contract("regenerateShare", shareCodeInput, createShareOutput),
  openShare: contract("openShare", openShareInput, openShareOutput),
  copySharedConversation: contract("copySharedConversation", openShareInput, copySharedConversationOutput),
  /** A migration's projects, written server-side in bulk (the client's batches pay the rules per project). */
  importConversations: contract("importConversations", importConversationsInput, importConversationsOutput),
  // Members and invites (docs/collaboration.md): the owner's calls, then anyone's.
  inviteToConversation: contract("inviteToConversation", inviteToConversationInput, invite),
  listInvites: contract("listInvites", conversationIdInput, listInvitesOutput),
  revokeInvite: contract("revokeInvite", inviteCodeInput, revokeInviteOutput),
  removeMember: contract("removeMember", removeMemberInput, noOutput),
  acceptInvite: contract("acceptInvite", inviteCodeInput, acceptInviteOutput),
  /** What accepting an invite would join (title, inviter's name, role), asked before acceptInvite. */
  previewInvite: contract("previewInvite", inviteCodeInput, invitePreview),
  listMembers: contract("listMembers", listMembersInput, listMembersOutput),
  leaveConversation: contract("leaveConversation", sharedConversationInput, noOutput),
  /** Keeps the conversation's current revision in its history (named, or a co-editor's overwritten text). */
  saveVersion: contract("saveVersion", saveVersionInput, saveVersionOutput),
  /** Saves a version's copy as a new revision, keeping what it replaces as a version first. */
  restoreVersion: contract("restoreVersion", restoreVersionInput, restoreVersionOutput),
} as const;

/**
 * Callables that consume their App Check token (replay protection, docs/sharing.md): the client
 * sends each call a limited-use token. Both try share passwords.
 */
export const APP_CHECK_CONSUMING_CALLABLES: ReadonlySet<string> = new Set([
  callables.openShare.name,
  callables.copySharedConversation.name,
]);
