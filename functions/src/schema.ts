// The functions validate with the client's schemas: one source of truth, bundled by esbuild.
export * from "../../client/src/schema/index.js";
// The builders both sides write with, kept out of the package's public exports.
export * from "../../client/src/schema/conversation-records.js";
export * from "../../client/src/schema/create-throttle.js";
export * from "../../client/src/schema/error-code.js";
export * from "../../client/src/schema/share-settings.js";
