export { getConversation, watchConversation } from "./get.js";
export {
  listConversations,
  MAX_PAGE_SIZE,
  type ConversationPage,
  type ListOptions,
  type ListOrder,
} from "./list.js";
export {
  createConversation,
  deleteConversation,
  type CreateOptions,
  saveConversation,
  type ConversationErrorDetails,
} from "./write.js";
