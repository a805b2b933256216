/** The Firebase error code of an SDK failure (`auth/popup-blocked`, …), if it has one. */
export const firebaseCode = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
};
