// Exported images are kept STORAGE_LIMITS.exportMaxAgeHours; this sweep deletes older ones, a page at
// a time. Production also has a bucket lifecycle rule (README), which the Firebase CLI cannot deploy.
import { STORAGE_LIMITS } from "../schema.js";

export interface StoredFile {
  name: string;
  /** RFC 3339, from the object's metadata: set by Storage, not chosen by the uploader. */
  timeCreated: string | undefined;
}

/** The names among `files` older than the export age limit (files without a creation time stay). */
export function expiredExports(files: readonly StoredFile[], now: Date): string[] {
  const cutoff = now.getTime() - STORAGE_LIMITS.exportMaxAgeHours * 3_600_000;
  return files
    .filter((f) => f.timeCreated !== undefined && Date.parse(f.timeCreated) < cutoff)
    .map((f) => f.name);
}

/** The part of a bucket the sweep uses: one page of a prefix, and deleting by name. */
export interface ExportFiles {
  page(
    prefix: string,
    pageToken: string | undefined,
  ): Promise<{ files: StoredFile[]; next: string | undefined }>;
  delete(name: string): Promise<void>;
}

/** An export as a share's download sees it. */
export type ListedExport = StoredFile & { contentType: string | undefined };

/** Files a share's download looks at in one listing page (Cloud Storage allows up to 1,000). */
export const EXPORT_LIST_PAGE = 100;
/** A download reads at most this many pages: 500 exports of one conversation in a day is plenty. */
export const EXPORT_LIST_MAX_PAGES = 5;

/**
 * What a share's download reads: one page (at most EXPORT_LIST_PAGE) of one conversation's exports,
 * `exports/{uid}/{any day}/{conversationId}/`, filtered by the bucket rather than by us.
 */
export interface ExportListing {
  exportsOf(
    uid: string,
    conversationId: string,
    pageToken: string | undefined,
  ): Promise<{ files: ListedExport[]; next: string | undefined }>;
}

export async function sweepExports(
  files: ExportFiles,
  now: Date,
): Promise<{ deleted: number; scanned: number }> {
  let pageToken: string | undefined;
  let deleted = 0;
  let scanned = 0;
  do {
    const page = await files.page("exports/", pageToken);
    const expired = expiredExports(page.files, now);
    await Promise.all(expired.map((name) => files.delete(name)));
    deleted += expired.length;
    scanned += page.files.length;
    pageToken = page.next;
  } while (pageToken !== undefined);
  return { deleted, scanned };
}
