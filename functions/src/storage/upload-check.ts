// Rules see a request's declared content type and size, never its bytes nor how many files a user
// holds. This check runs once each upload is stored: it deletes an upload whose bytes are not the
// image type it declares, and one that takes its owner past STORAGE_LIMITS' count.
import { AVATAR_TYPES, EXPORT_TYPES, STORAGE_LIMITS, storagePaths } from "../schema.js";

/** The bytes read from the start of an upload: enough for every signature below. */
export const HEAD_BYTES = 16;

/** The part of a bucket the check uses. */
export interface UploadFiles {
  /** The first `bytes` bytes of a file (fewer when it is shorter). */
  head(name: string, bytes: number): Promise<Uint8Array>;
  delete(name: string): Promise<void>;
  /** One page of at most `maxResults` names under `prefix`, and the token of the next page. */
  names(
    prefix: string,
    maxResults: number,
    pageToken: string | undefined,
  ): Promise<{ names: string[]; next: string | undefined }>;
}

export interface Upload {
  name: string;
  contentType: string | undefined;
  /** Bytes, from the object's metadata. */
  size: number;
}

export type UploadVerdict = "kept" | "ignored" | "wrong-bytes" | "over-count";

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((b, i) => bytes[at + i] === b);

/** Each accepted type's signature (its "magic number"). */
const SIGNATURES: Record<keyof typeof AVATAR_TYPES, (bytes: Uint8Array) => boolean> = {
  "image/png": (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  "image/jpeg": (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  "image/webp": (b) => startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8),
  "image/gif": (b) => startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a")),
};

/** Which kind of upload a name is, its owner's prefix and how many such files the owner may hold. */
function kindOf(name: string) {
  const [area, uid] = name.split("/");
  if (!uid) return null;
  if (area === "avatars") {
    return { types: AVATAR_TYPES, prefix: storagePaths.avatars(uid), cap: STORAGE_LIMITS.avatarsPerUser };
  }
  if (area === "exports") {
    return { types: EXPORT_TYPES, prefix: storagePaths.exports(uid), cap: STORAGE_LIMITS.exportsPerUser };
  }
  return null;
}

/** Whether `bytes` begin as `contentType` says; false for a type the upload's area does not accept. */
export function bytesMatchType(
  types: Readonly<Record<string, string>>,
  contentType: string | undefined,
  bytes: Uint8Array,
): boolean {
  if (contentType === undefined || !Object.hasOwn(types, contentType)) return false;
  return SIGNATURES[contentType as keyof typeof SIGNATURES](bytes);
}

/** Counts the names under `prefix`, a page at a time, stopping once it passes `atMost`. */
async function countUpTo(files: UploadFiles, prefix: string, atMost: number): Promise<number> {
  let count = 0;
  let pageToken: string | undefined;
  do {
    const page = await files.names(prefix, atMost + 1 - count, pageToken);
    count += page.names.length;
    pageToken = page.next;
  } while (pageToken !== undefined && count <= atMost);
  return count;
}

/**
 * Checks one stored upload, deleting it when its bytes are not its declared type or when its owner
 * now holds more than the cap. The upload deletes itself rather than some other file: each upload
 * past the cap has its own check, and the last check to list sees every file still there, so the
 * owner ends with at most the cap (concurrent uploads may each see the others and all go).
 */
export async function checkUpload(files: UploadFiles, upload: Upload): Promise<UploadVerdict> {
  const kind = kindOf(upload.name);
  if (kind === null) return "ignored";
  // An empty file has no signature, and Storage refuses a ranged read of it.
  const head = upload.size > 0 ? await files.head(upload.name, HEAD_BYTES) : new Uint8Array();
  if (!bytesMatchType(kind.types, upload.contentType, head)) {
    await files.delete(upload.name);
    return "wrong-bytes";
  }
  if ((await countUpTo(files, kind.prefix, kind.cap)) > kind.cap) {
    await files.delete(upload.name);
    return "over-count";
  }
  return "kept";
}
