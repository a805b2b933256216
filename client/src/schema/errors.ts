/**
 * The machine-readable `details.reason` of every HttpsError our functions throw. The SPA switches on
 * these; the HttpsError code is the coarse class, the reason the precise one.
 */
export const ERROR_REASONS = [
  "invalid-input",
  "rate-limited",
  "kakao-token-invalid",
  "kakao-wrong-app",
  "kakao-unavailable",
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];
