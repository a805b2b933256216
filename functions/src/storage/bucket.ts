import type { Storage } from "firebase-admin/storage";

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
