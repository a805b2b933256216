export * from "./providers.js";
export * from "./kakao.js";
export * from "./auth-state.js";
export * from "./delete-account.js";
