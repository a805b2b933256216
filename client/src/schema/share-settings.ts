import type { OwnShareDocument, ShareSettings } from "./share.js";

/** Where share pages live unless configured: the client's `shareBaseUrl` and the functions' SHARE_BASE_URL. */
export const DEFAULT_SHARE_BASE_URL = "https://talkstudio.app";

export const shareUrl = (baseUrl: string, code: string) => `${baseUrl}/s/${code}`;

type ShownFields =
  | "conversationId"
  | "title"
  | "createdAt"
  | "expiresAt"
  | "revokedAt"
  | "passwordProtected"
  | "allowDownload"
  | "viewCount";

/**
 * A share document as its owner's settings: what listShares (client SDK) and the owner's callables
 * (Admin SDK) both answer. `Time` is either SDK's Timestamp.
 */
export function settingsOf<Time extends { toDate(): Date }>(
  code: string,
  share: Pick<OwnShareDocument<Time>, ShownFields>,
  baseUrl: string,
): ShareSettings {
  return {
    code,
    url: shareUrl(baseUrl, code),
    conversationId: share.conversationId,
    title: share.title,
    createdAt: share.createdAt.toDate().toISOString(),
    expiresAt: share.expiresAt.toDate().toISOString(),
    revokedAt: share.revokedAt?.toDate().toISOString() ?? null,
    passwordProtected: share.passwordProtected,
    allowDownload: share.allowDownload,
    viewCount: share.viewCount,
  };
}
