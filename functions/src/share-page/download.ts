// Downloading a share's image: the share is checked on every request (exists, live, allows
// download, password); the owner's newest export is streamed by the function — never a download
// URL, which would outlive revocation and expiry — or, without one, the conversation is rendered.
import { storagePaths, type ConversationData } from "../schema.js";
import type { ShareCaller, ShareDeps } from "../shares/deps.js";
import { assertDownloadAllowed } from "../shares/documents.js";
import { unlockShare } from "../shares/open.js";
import type { ExportListing, StoredFile } from "../storage/exports-sweep.js";

/** What the download serves: a stored export, or the conversation rendered on the spot. */
export type ShareDownload =
  | {
      kind: "export";
      name: string;
      contentType: string;
      /** What the browser saves it as. */
      fileName: string;
    }
  | { kind: "render"; content: ConversationData; revision: number; fileName: string };

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
 * What a share's download serves. Refusals are the share's own (`share-not-found`, `share-expired`,
 * `share-revoked`, `password-required`, `wrong-password`, `rate-limited`), then
 * `download-not-allowed`. Without an export of the last day (or without Storage: null `files`) the
 * conversation is rendered instead.
 */
export async function resolveShareDownload(
  deps: ShareDeps,
  caller: ShareCaller,
  files: ExportListing | null,
  input: { code: string; password?: string | undefined },
): Promise<ShareDownload> {
  const { share, content } = await unlockShare(deps, caller, input.code, input.password);
  assertDownloadAllowed(share);
  const newest =
    files && newestExport(await files.list(storagePaths.exports(share.ownerUid)), share.conversationId);
  if (!newest) {
    return { kind: "render", content, revision: share.revision, fileName: `talkstudio-${input.code}.png` };
  }
  const extension = newest.name.split(".").at(-1) ?? "png";
  return {
    kind: "export",
    name: newest.name,
    contentType: newest.contentType ?? "application/octet-stream",
    fileName: `talkstudio-${input.code}.${extension}`,
  };
}
