export * from "./schema/index.js";
export * from "./firebase.js";
