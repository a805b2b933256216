// The one source of TalkStudio's data shapes: the SPA, this client and the Cloud Functions all
// import from here.
export * from "./limits.js";
export * from "./errors.js";
export * from "./paths.js";
export * from "./ids.js";
export * from "./callables.js";
export * from "./identity.js";
export * from "./profile.js";
export * from "./conversation.js";
export * from "./share.js";
export * from "./imports.js";
