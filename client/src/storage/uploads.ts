// Uploads to Cloud Storage: avatars (public, for authors and profiles) and exported images (owner
// only, kept a day). Type and size are checked before anything is sent; storage.rules checks again.
import {
  connectStorageEmulator,
  getDownloadURL,
  getStorage,
  ref,
  uploadBytesResumable,
  type FirebaseStorage,
  type UploadTask,
} from "firebase/storage";
import { TalkStudioError, typedErrors } from "../talkstudio-error.js";
import type { TalkStudio } from "../firebase.js";
import { lazyService } from "../lazy-service.js";
import {
  AVATAR_TYPES,
  DOCUMENT_ID_PATTERN,
  EXPORT_TYPES,
  LIMITS,
  STORAGE_LIMITS,
  storagePaths,
} from "../schema/index.js";
import { requireUid } from "../require-uid.js";

/** Cloud Storage, started on the first upload. */
export const storageOf = lazyService((ts): FirebaseStorage => {
  const storage = getStorage(ts.app);
  if (ts.emulators) connectStorageEmulator(storage, ts.emulators.host, ts.emulators.storagePort);
  return storage;
});

export interface UploadProgress {
  readonly bytesTransferred: number;
  readonly totalBytes: number;
}
export interface UploadOptions {
  readonly onProgress?: (progress: UploadProgress) => void;
}

/** The extension a file is stored under, or a typed refusal naming what is accepted. */
function checkedFile<T extends Record<string, string>>(
  file: Blob,
  types: T,
  maxBytes: number,
  what: string,
): string {
  // Own keys only: a Blob typed "constructor" must not find Object's.
  const extension = Object.hasOwn(types, file.type) ? types[file.type] : undefined;
  if (extension === undefined) {
    throw new TalkStudioError("invalid", `${what} must be one of ${Object.keys(types).join(", ")}.`, {
      reason: "wrong-file-type",
      contentType: file.type,
    });
  }
  if (file.size > maxBytes) {
    throw new TalkStudioError("invalid", `${what} must be at most ${maxBytes / (1024 * 1024)} MB.`, {
      reason: "file-too-large",
      maxBytes,
      size: file.size,
    });
  }
  if (file.size === 0) throw new TalkStudioError("invalid", `${what} is empty.`, { reason: "empty-file" });
  return extension;
}

function upload(task: UploadTask, options: UploadOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    task.on(
      "state_changed",
      (snapshot) =>
        options.onProgress?.({
          bytesTransferred: snapshot.bytesTransferred,
          totalBytes: snapshot.totalBytes,
        }),
      reject,
      () => resolve(),
    );
  });
}

/** A random file name: uploads never overwrite each other, and names say nothing about the user. */
const randomName = () => crypto.randomUUID().replaceAll("-", "");

/**
 * Uploads an avatar (png, jpeg, webp or gif, at most 2 MB) and returns its https URL, to use as an
 * author's `avatarUrl` or the profile's `photoURL`. Avatars are public by design (share pages show
 * them), so a download URL is the right handle for them.
 */
export function uploadAvatar(ts: TalkStudio, file: Blob, options: UploadOptions = {}): Promise<string> {
  return typedErrors(async () => {
    const extension = checkedFile(file, AVATAR_TYPES, STORAGE_LIMITS.avatarBytes, "An avatar");
    const path = `${storagePaths.avatars(requireUid(ts))}${randomName()}.${extension}`;
    const fileRef = ref(storageOf(ts), path);
    await upload(uploadBytesResumable(fileRef, file, { contentType: file.type }), options);
    const url = await getDownloadURL(fileRef);
    if (url.length > LIMITS.urlChars)
      throw new TalkStudioError("unknown", "The avatar's URL is unexpectedly long.");
    return url;
  });
}

/** `yyyy-mm-dd` in UTC: the day folder of an export. */
const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Uploads an exported image of a conversation (png or webp, at most 20 MB). Returns its Storage
 * path, never a download URL: exports are private, and shares hand them out through a function
 * that checks the share on every request. Exports are deleted after 24 hours.
 */
export function uploadExport(
  ts: TalkStudio,
  conversationId: string,
  image: Blob,
  options: UploadOptions = {},
): Promise<{ path: string }> {
  return typedErrors(async () => {
    const extension = checkedFile(image, EXPORT_TYPES, STORAGE_LIMITS.exportBytes, "An exported image");
    if (!DOCUMENT_ID_PATTERN.test(conversationId)) {
      throw new TalkStudioError("invalid", "Not a conversation id.", { reason: "invalid-input" });
    }
    const now = new Date();
    const path = `${storagePaths.exports(requireUid(ts))}${utcDay(now)}/${conversationId}/${now.getTime()}.${extension}`;
    await upload(uploadBytesResumable(ref(storageOf(ts), path), image, { contentType: image.type }), options);
    return { path };
  });
}
