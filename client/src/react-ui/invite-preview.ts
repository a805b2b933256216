// Until sec-b's previewInvite lands in ../members: its signature, so the dialog is written against it.
import type { TalkStudio } from "../firebase.js";
import type { ConversationRole } from "../schema/index.js";
import { TalkStudioError } from "../talkstudio-error.js";

export interface InvitePreview {
  readonly title: string;
  readonly inviterName: string;
  readonly role: ConversationRole;
  readonly expiresAt: string;
}

export function previewInvite(_ts: TalkStudio, _code: string): Promise<InvitePreview> {
  return Promise.reject(new TalkStudioError("unavailable", "previewInvite has not landed yet."));
}
