/**
 * The `code` of a Firebase error: `permission-denied` (Firestore), `auth/popup-blocked` (Auth),
 * `functions/not-found` (Functions), or the Admin SDK's gRPC number. Read by shape, not instanceof:
 * a bundler can load an SDK twice (ESM and CJS copies), and the Admin SDK's classes are not exported.
 */
export function errorCode(error: unknown): string | number | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === "string" || typeof code === "number" ? code : undefined;
}
