export * from "./providers.js";
export * from "./kakao.js";
export * from "./session.js";
export * from "./delete-account.js";
