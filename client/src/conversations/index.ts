export { getConversation, watchConversation, type OwnerOption, type WatchInfo } from "./get.js";
export { MAX_PAGE_SIZE } from "../page-cursor.js";
export { listConversations, type ConversationPage, type ListOptions, type ListOrder } from "./list.js";
export { watchConversations } from "./watch-list.js";
export {
  createConversation,
  deleteConversation,
  type CreateOptions,
  saveConversation,
  type ConversationErrorDetails,
} from "./write.js";
