// Share links for the SPA: the owner's calls go through the callables; viewers read a public share
// in one document read and fall back to the openShare callable only when that read is refused.
export * from "./share-callables.js";
export * from "./list-shares.js";
export * from "./open-share.js";
