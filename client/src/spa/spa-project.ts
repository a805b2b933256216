// The SPA's own project shape in and out: what its Zustand store and LocalStorage hold.
import { parseOrThrow } from "../talkstudio-error.js";
import { escapeHtml } from "../migration/html-entities.js";
import { normaliseProject } from "../migration/read-storage.js";
import {
  conversationData,
  type ConversationData,
  type Message,
  type StatusBar,
  type StoredConversation,
  type Theme,
} from "../schema/index.js";

/**
 * A project as the SPA keeps it in LocalStorage (`talkstudio_projects`): the conversation's text
 * HTML-escaped, the project's title as typed.
 */
export interface SpaProject {
  readonly id: string;
  readonly title: string;
  /** ISO times: the project's own (`projectCreatedAt`, `projectUpdatedAt`). */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly conversation: ConversationData["conversation"];
  readonly theme: Theme;
  readonly statusBar: StatusBar;
}

/**
 * Any project the SPA holds — the editor's, the AI generator's, an Excel import's, older formats —
 * as ConversationData, with the migration's clean-up (aliases, legacy message fields, escaped
 * text, times in the SPA's form). Throws `invalid` (with `details.issues`) when it still does not fit.
 */
export function toConversationData(project: unknown): ConversationData {
  const normalised =
    typeof project === "object" && project !== null && !Array.isArray(project)
      ? normaliseProject(project as Record<string, unknown>, new Date()).data
      : project;
  return parseOrThrow(conversationData, normalised, "This project does not fit the schema or its limits.");
}

const escapedMessage = (m: Message): Message => ({ ...m, text: escapeHtml(m.text) });

/**
 * A conversation's editable part as the SPA's store holds it (text escaped as its sanitizer
 * leaves it): what the sync engine's `onRemoteChange` data becomes before it goes into the store.
 * The project's own `title` is not the sanitizer's: the SPA keeps it as typed and renders it as text.
 */
export function toSpaConversation(
  data: ConversationData,
): Omit<SpaProject, "id" | "createdAt" | "updatedAt"> {
  const { conversation } = data;
  return {
    title: data.title,
    conversation: {
      ...conversation,
      title: escapeHtml(conversation.title),
      authors: conversation.authors.map((a) => ({ ...a, name: escapeHtml(a.name) })),
      messages: conversation.messages.map(escapedMessage),
    },
    theme: data.theme,
    statusBar: data.statusBar,
  };
}

/**
 * A stored conversation in the shape the SPA keeps (its id, its own times), text escaped as the
 * SPA's sanitizer leaves it, so the SPA treats it like its own data and toConversationData gives
 * back exactly what was stored.
 */
export function toSpaProject(stored: StoredConversation): SpaProject {
  return {
    id: stored.id,
    createdAt: stored.projectCreatedAt.toISOString(),
    updatedAt: stored.projectUpdatedAt.toISOString(),
    ...toSpaConversation(stored),
  };
}
