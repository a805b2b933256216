// The Storage emulator needs cloud-storage-rules-runtime, which firebase-tools downloads on first
// use: offline machines run without it (scripts/emulators.mjs says so), and these tests skip.
export const storageEmulatorHost = process.env.FIREBASE_STORAGE_EMULATOR_HOST;
export const storageSkipReason = storageEmulatorHost
  ? ""
  : " (skipped: no Storage emulator in this suite; it needs firebase-tools' cloud-storage-rules-runtime download)";
