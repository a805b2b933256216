export * from "./schema/index.js";
export * from "./firebase.js";
export * from "./conversations/index.js";
export * from "./migration/index.js";
