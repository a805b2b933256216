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

/** Where the functions run: Seoul, next to the users. */
export const FUNCTIONS_REGION = "asia-northeast3";

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

/* @__NO_SIDE_EFFECTS__ */
function contract<I extends z.ZodMiniType, O extends z.ZodMiniType>(
  name: string,
  input: I,
  output: O,
): CallableContract<I, O> {
  return { name, input, output };
}

// One export per contract, so a bundle keeps only the contracts (and schemas) it calls.
export const kakaoSignInContract = contract("kakaoSignIn", kakaoSignInInput, kakaoSignInOutput);
export const createShareContract = contract("createShare", createShareInput, createShareOutput);
export const updateShareContract = contract("updateShare", updateShareInput, shareSettings);
export const revokeShareContract = contract("revokeShare", shareCodeInput, revokeShareOutput);
/** Revokes a share and creates its successor with the same settings (password included). */
export const regenerateShareContract = contract("regenerateShare", shareCodeInput, createShareOutput);
export const openShareContract = contract("openShare", openShareInput, openShareOutput);
export const copySharedConversationContract = contract(
  "copySharedConversation",
  openShareInput,
  copySharedConversationOutput,
);
/** A migration's projects, written server-side in bulk (the client's batches pay the rules per project). */
export const importConversationsContract = contract(
  "importConversations",
  importConversationsInput,
  importConversationsOutput,
);
// Members and invites (docs/collaboration.md): the owner's calls, then anyone's.
export const inviteToConversationContract = contract(
  "inviteToConversation",
  inviteToConversationInput,
  invite,
);
export const listInvitesContract = contract("listInvites", conversationIdInput, listInvitesOutput);
export const revokeInviteContract = contract("revokeInvite", inviteCodeInput, revokeInviteOutput);
export const removeMemberContract = contract("removeMember", removeMemberInput, noOutput);
export const acceptInviteContract = contract("acceptInvite", inviteCodeInput, acceptInviteOutput);
/** What accepting an invite would join (title, inviter's name, role), asked before acceptInvite. */
export const previewInviteContract = contract("previewInvite", inviteCodeInput, invitePreview);
export const listMembersContract = contract("listMembers", listMembersInput, listMembersOutput);
export const leaveConversationContract = contract("leaveConversation", sharedConversationInput, noOutput);
/** Keeps the conversation's current revision in its history (named, or a co-editor's overwritten text). */
export const saveVersionContract = contract("saveVersion", saveVersionInput, saveVersionOutput);
/** Saves a version's copy as a new revision, keeping what it replaces as a version first. */
export const restoreVersionContract = contract("restoreVersion", restoreVersionInput, restoreVersionOutput);

/** Every callable the functions export, by its exported name. */
export const callables = {
  kakaoSignIn: kakaoSignInContract,
  createShare: createShareContract,
  updateShare: updateShareContract,
  revokeShare: revokeShareContract,
  regenerateShare: regenerateShareContract,
  openShare: openShareContract,
  copySharedConversation: copySharedConversationContract,
  importConversations: importConversationsContract,
  inviteToConversation: inviteToConversationContract,
  listInvites: listInvitesContract,
  revokeInvite: revokeInviteContract,
  removeMember: removeMemberContract,
  acceptInvite: acceptInviteContract,
  previewInvite: previewInviteContract,
  listMembers: listMembersContract,
  leaveConversation: leaveConversationContract,
  saveVersion: saveVersionContract,
  restoreVersion: restoreVersionContract,
} as const;

/**
 * Callables that consume their App Check token (replay protection, docs/sharing.md): the client
 * sends each call a limited-use token. Both try share passwords.
 */
export const APP_CHECK_CONSUMING_CALLABLES: ReadonlySet<string> = new Set<keyof typeof callables>([
  "openShare",
  "copySharedConversation",
]);
