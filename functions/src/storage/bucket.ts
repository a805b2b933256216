import type { Storage } from "firebase-admin/storage";
import { storagePaths } from "../schema.js";
import { EXPORT_LIST_PAGE, type ExportFiles, type ExportListing } from "./exports-sweep.js";
import type { UploadFiles } from "./upload-check.js";

export type Bucket = ReturnType<Storage["bucket"]>;

/**
 * The default bucket, or null inside an emulator suite that runs no Storage emulator: there the
 * admin SDK would reach for the real Google Cloud Storage with no credentials.
 */
export async function defaultBucket(): Promise<Bucket | null> {
  const emulated = process.env.FUNCTIONS_EMULATOR === "true";
  if (emulated && !process.env.FIREBASE_STORAGE_EMULATOR_HOST) return null;
  // Loaded here, not at the top: every function shares this bundle, and few need Storage.
  const { getStorage } = await import("firebase-admin/storage");
  return getStorage().bucket();
}

/** A named bucket (the one an upload event comes from), loaded as defaultBucket explains. */
export async function namedBucket(name: string): Promise<Bucket> {
  const { getStorage } = await import("firebase-admin/storage");
  return getStorage().bucket(name);
}

/** The bucket as the upload check uses it. */
export function uploadFiles(bucket: Bucket): UploadFiles {
  return {
    async head(name, bytes) {
      const [head] = await bucket.file(name).download({ start: 0, end: bytes - 1 });
      return head;
    },
    async delete(name) {
      await bucket.file(name).delete({ ignoreNotFound: true });
    },
    async names(prefix, maxResults, pageToken) {
      const [files, next] = await bucket.getFiles({ prefix, maxResults, autoPaginate: false, pageToken });
      return { names: files.map((f) => f.name), next: (next as { pageToken?: string } | null)?.pageToken };
    },
  };
}

/** The bucket as the export sweep and share downloads use it. */
export function exportFiles(bucket: Bucket): ExportFiles & ExportListing {
  const described = (file: { name: string; metadata: { timeCreated?: string; contentType?: string } }) => ({
    name: file.name,
    timeCreated: file.metadata.timeCreated,
    contentType: file.metadata.contentType,
  });
  return {
    async page(prefix, pageToken) {
      const [files, next] = await bucket.getFiles({
        prefix,
        maxResults: 500,
        autoPaginate: false,
        pageToken,
      });
      return { files: files.map(described), next: (next as { pageToken?: string } | null)?.pageToken };
    },
    async delete(name) {
      await bucket.file(name).delete({ ignoreNotFound: true });
    },
    async exportsOf(uid, conversationId, pageToken) {
      const prefix = storagePaths.exports(uid);
      const [files, next] = await bucket.getFiles({
        prefix,
        // Only this conversation's files, whatever the day folder: the bucket filters, not us.
        matchGlob: `${prefix}*/${conversationId}/*`,
        maxResults: EXPORT_LIST_PAGE,
        autoPaginate: false,
        pageToken,
      });
      return { files: files.map(described), next: (next as { pageToken?: string } | null)?.pageToken };
    },
  };
}
