// The share owner's calls and "copy to my account": each is one callable.
import { callFunction } from "../call-function.js";
import type { TalkStudio } from "../firebase.js";
import {
  copySharedConversationContract,
  createShareContract,
  regenerateShareContract,
  revokeShareContract,
  updateShareContract,
  type CreateShareInput,
  type CreateShareOutput,
  type ShareSettings,
  type UpdateShareInput,
} from "../schema/index.js";
export const createShare = (ts: TalkStudio, input: CreateShareInput): Promise<CreateShareOutput> =>
  callFunction(ts, createShareContract, input);

export const updateShare = (ts: TalkStudio, input: UpdateShareInput): Promise<ShareSettings> =>
  callFunction(ts, updateShareContract, input);

export const revokeShare = (ts: TalkStudio, code: string): Promise<{ code: string; revokedAt: string }> =>
  callFunction(ts, revokeShareContract, { code });

/** A new link for a share whose link leaked: the old one stops working, the settings stay. */
export const regenerateShare = (ts: TalkStudio, code: string): Promise<CreateShareOutput> =>
  callFunction(ts, regenerateShareContract, { code });

/** Saves a share (one that allows download) as a new conversation of the signed-in user. */
export const copySharedConversation = (
  ts: TalkStudio,
  code: string,
  password?: string,
): Promise<{ conversationId: string }> =>
  callFunction(ts, copySharedConversationContract, password === undefined ? { code } : { code, password });
