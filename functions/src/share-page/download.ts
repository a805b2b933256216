// Downloading a share's image: the share is checked on every request (exists, live, allows
// download, password); the owner's newest export is streamed by the function — never a download
// URL, which would outlive revocation and expiry — or, without one, the conversation is rendered.
import type { ConversationData } from "../schema.js";
import type { ShareCaller, ShareDeps } from "../shares/deps.js";
import { assertDownloadAllowed, ownerRef } from "../shares/documents.js";
import { unlockShare } from "../shares/open.js";
import { EXPORT_LIST_MAX_PAGES, type ExportListing, type ListedExport } from "../storage/exports-sweep.js";

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

/**
 * The newest export of one conversation, read a page at a time (EXPORT_LIST_PAGE files, at most
 * EXPORT_LIST_MAX_PAGES pages) keeping only the newest so far: a download's cost does not grow with
 * the owner's other files, and is bounded even for a conversation exported without end.
 */
export async function newestExport(
  files: ExportListing,
  uid: string,
  conversationId: string,
): Promise<ListedExport | null> {
  let newest: ListedExport | null = null;
  let pageToken: string | undefined;
  for (let page = 0; page < EXPORT_LIST_MAX_PAGES; page++) {
    const listed = await files.exportsOf(uid, conversationId, pageToken);
    for (const file of listed.files) {
      if (!file.timeCreated) continue;
      if (!newest || Date.parse(file.timeCreated) > Date.parse(newest.timeCreated!)) newest = file;
    }
    pageToken = listed.next;
    if (pageToken === undefined) break;
  }
  return newest;
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
  // Whose exports: the functions-only owner link, never the public document.
  const owner = files && (await ownerRef(deps.db, input.code).get()).data();
  const newest = owner && (await newestExport(files, owner.ownerUid, owner.conversationId));
  if (!newest)
    return { kind: "render", content, revision: share.revision, fileName: `talkstudio-${input.code}.png` };
  const extension = newest.name.split(".").at(-1) ?? "png";
  return {
    kind: "export",
    name: newest.name,
    contentType: newest.contentType ?? "application/octet-stream",
    fileName: `talkstudio-${input.code}.${extension}`,
  };
}
