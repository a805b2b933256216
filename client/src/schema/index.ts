// The one source of TalkStudio's data shapes: the SPA, this client and the Cloud Functions all
// import from here.
export * from "./limits.js";
export * from "./error-details.js";
export * from "./paths.js";
export * from "./ids.js";
export * from "./contracts.js";
export * from "./identity.js";
export * from "./profile.js";
export * from "./conversation.js";
export * from "./share.js";
export * from "./members.js";
export * from "./imports.js";
export * from "./collaboration.js";
