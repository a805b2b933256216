export * from "./member-callables.js";
export {
  listSharedWithMe,
  type SharedConversationPage,
  type SharedConversationSummary,
  type SharedListOptions,
} from "./shared-with-me.js";
