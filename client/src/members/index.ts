export * from "./member-callables.js";
export {
  listSharedWithMe,
  watchSharedWithMe,
  type SharedConversationPage,
  type SharedConversationSummary,
  type SharedListOptions,
} from "./shared-with-me.js";
