// Downloading a share's exported image: the share is checked on every request (exists, live,
// allows download, password), and the file is streamed by the function — never a download URL,
// which would outlive revocation and expiry.
import { DomainError } from "../common/errors.js";
import { storagePaths } from "../schema.js";
import type { ShareCaller, ShareDeps } from "../shares/deps.js";
import { unlockShare } from "../shares/open.js";
import type { StoredFile } from "./exports-sweep.js";

export interface ExportListing {
  /** Every file under a prefix, with content type. */
  list(prefix: string): Promise<(StoredFile & { contentType: string | undefined })[]>;
}

export interface ShareDownload {
  name: string;
  contentType: string;
  /** What the browser saves it as. */
  fileName: string;
}

/** The newest export of `conversationId` among the owner's files, or null. */
export function newestExport(
  files: readonly (StoredFile & { contentType: string | undefined })[],
  conversationId: string,
): (StoredFile & { contentType: string | undefined }) | null {
  const ofConversation = files.filter((f) => f.name.split("/")[3] === conversationId && f.timeCreated);
  ofConversation.sort((a, b) => Date.parse(b.timeCreated!) - Date.parse(a.timeCreated!));
  return ofConversation[0] ?? null;
}

/**
 * Which file a share's download serves. Refusals are the share's own (`share-not-found`,
 * `share-expired`, `share-revoked`, `password-required`, `wrong-password`, `rate-limited`), then
 * `download-not-allowed`, `storage-unavailable` (null `files`: no Storage here), and `no-export` when
 * the owner has not exported this conversation in the last day.
 */
export async function resolveShareDownload(
  deps: ShareDeps,
  caller: ShareCaller,
  files: ExportListing | null,
  input: { code: string; password?: string | undefined },
): Promise<ShareDownload> {
  const { share } = await unlockShare(deps, caller, input.code, input.password);
  if (!share.allowDownload) {
    throw new DomainError(
      "failed-precondition",
      "download-not-allowed",
      "The owner does not allow downloads.",
    );
  }
  if (files === null)
    throw new DomainError("unavailable", "storage-unavailable", "Storage is not available here.");
  const newest = newestExport(await files.list(storagePaths.exports(share.ownerUid)), share.conversationId);
  if (newest === null)
    throw new DomainError("not-found", "no-export", "This conversation has no exported image.");
  const extension = newest.name.split(".").at(-1) ?? "png";
  return {
    name: newest.name,
    contentType: newest.contentType ?? "application/octet-stream",
    fileName: `talkstudio-${input.code}.${extension}`,
  };
}
