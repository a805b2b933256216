export * from "./providers.js";
export * from "./sign-in-with-kakao.js";
export * from "./auth-state.js";
export * from "./delete-account.js";
