export * from "./schema/index.js";
export * from "./firebase.js";
export * from "./errors.js";
export * from "./callables.js";
export * from "./auth/index.js";
export * from "./profile/profile.js";
export * from "./conversations/index.js";
export * from "./migration/index.js";
