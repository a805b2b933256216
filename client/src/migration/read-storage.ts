// Finds every project the SPA kept in LocalStorage, in both formats, and normalises each one.
import type { Author, ImportSource } from "../schema/index.js";
import { earlierImportIds, importedConversationId } from "./import-ids.js";
import {
  normaliseAuthor,
  normaliseMessage,
  normalisePlatformSkin,
  normaliseStatusBar,
  normaliseThemeId,
  normaliseUnreadCount,
  parseStoredTime,
} from "./normalise.js";
import { unescapeHtml } from "./html-entities.js";
import { isRecord, type Raw } from "./raw-json.js";

/** What migrateLocalStorage reads: `window.localStorage`, or anything with its getItem. */
export type ReadableStorage = Pick<Storage, "getItem">;

/** One project found in LocalStorage, normalised but not yet checked against the schema. */
export interface Candidate {
  readonly source: ImportSource;
  /** The project's id, or in the older format its name: how the user's LocalStorage knows it. */
  readonly key: string;
  readonly conversationId: string;
  /** Where an earlier version of the migration put this project, if anywhere else. */
  readonly earlierIds: readonly string[];
  readonly title: string;
  readonly data: unknown;
  readonly projectCreatedAt: Date;
  readonly projectUpdatedAt: Date;
}

/** A storage key whose value is not the JSON shape the SPA writes. */
export interface UnreadableKey {
  readonly source: ImportSource;
  readonly detail: string;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function times(created: unknown, updated: unknown, now: Date) {
  const projectCreatedAt = parseStoredTime(created) ?? parseStoredTime(updated) ?? now;
  return { projectCreatedAt, projectUpdatedAt: parseStoredTime(updated) ?? projectCreatedAt };
}

/** "proj_<ms>_<rand>": the moment the project was first made. */
function idTime(id: unknown): number | undefined {
  const ms = typeof id === "string" ? /^proj_(\d{12,14})_/.exec(id)?.[1] : undefined;
  return ms === undefined ? undefined : Number(ms);
}

/** Authors as records the messages can refer to; a non-record is left in place for the schema to report. */
function authorsOf(raw: unknown): Author[] {
  return list(raw).map((a, i) => normaliseAuthor(a, i) as Author);
}

function messagesOf(raw: unknown, day: Date, authors: Author[]): unknown[] {
  return list(raw).map((m, i) => normaliseMessage(m, i, { day, authors }));
}

/**
 * A project as the SPA holds it (`talkstudio_projects`, its IndexedDB store, its Zustand store: the
 * editor's, the AI generator's and the Excel import's shapes, legacy messages included), normalised
 * but not yet checked against the schema, with its own times. `now` stands in for missing times.
 */
export function normaliseProject(project: Raw, now: Date) {
  const conversation = isRecord(project.conversation) ? project.conversation : {};
  const rawTheme = project.theme;
  const theme = isRecord(rawTheme)
    ? {
        ...rawTheme,
        id: normaliseThemeId(
          typeof rawTheme.id === "string" ? rawTheme.id : String(conversation.platformSkin),
        ),
        name: typeof rawTheme.name === "string" ? rawTheme.name : String(rawTheme.id),
      }
    : rawTheme;
  // Re-saving a project drops its createdAt (the SPA rebuilds the object); its id still carries it.
  const when = times(project.createdAt ?? idTime(project.id), project.updatedAt, now);
  const authors = authorsOf(conversation.authors);
  const title = typeof project.title === "string" ? project.title : conversation.title;
  return {
    ...when,
    data: {
      title: typeof title === "string" ? unescapeHtml(title) : title,
      conversation: {
        platformSkin: normalisePlatformSkin(
          conversation.platformSkin ?? (isRecord(theme) ? theme.id : undefined),
        ),
        title: typeof conversation.title === "string" ? unescapeHtml(conversation.title) : conversation.title,
        unreadCount: normaliseUnreadCount(conversation.unreadCount),
        authors,
        messages: messagesOf(conversation.messages, when.projectCreatedAt, authors),
      },
      theme,
      statusBar: normaliseStatusBar(project.statusBar),
    },
  };
}

/** A `talkstudio_conversations` entry: `{ data: { theme: "<id>", profiles, messages, statusBar }, savedAt }`. */
function fromOldConversation(name: string, entry: Raw, now: Date) {
  const saved = isRecord(entry.data) ? entry.data : {};
  const themeId = normaliseThemeId(typeof saved.theme === "string" ? saved.theme : "kakao");
  const profiles = isRecord(saved.profiles) ? saved.profiles : {};
  const authors = authorsOf(
    ["me", "other"].flatMap((id) => (isRecord(profiles[id]) ? [{ ...profiles[id], id }] : [])),
  );
  const when = times(entry.savedAt, entry.updatedAt, now);
  const title = unescapeHtml(name);
  return {
    ...when,
    data: {
      title,
      conversation: {
        platformSkin: normalisePlatformSkin(themeId),
        title: authors.find((a) => a.id === "other")?.name ?? title,
        unreadCount: 0,
        authors,
        messages: messagesOf(saved.messages, when.projectCreatedAt, authors),
      },
      // The older format named a preset; the SPA fills in the preset's colours when it renders.
      theme: isRecord(saved.theme) ? saved.theme : { id: themeId, name: themeId },
      statusBar: normaliseStatusBar(saved.statusBar),
    },
  };
}

function parseJson(
  storage: ReadableStorage,
  key: ImportSource,
): { value: unknown } | { error: string } | null {
  const text = storage.getItem(key);
  if (text === null) return null;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: `${key} is not valid JSON (${String(error)})` };
  }
}

type Found = Omit<Candidate, "source" | "key" | "conversationId" | "earlierIds" | "title">;

async function candidate(source: ImportSource, key: string, found: Found): Promise<Candidate> {
  const title = isRecord(found.data) && typeof found.data.title === "string" ? found.data.title : key;
  const [conversationId, earlierIds] = await Promise.all([
    importedConversationId(source, key),
    earlierImportIds(source, key),
  ]);
  return { source, key, title, ...found, conversationId, earlierIds };
}

/**
 * Projects in the SPA's current shape (`talkstudio_projects`, or its IndexedDB store, which keeps
 * the same objects): both get the same conversation ids, so moving between them imports nothing twice.
 */
export function projectCandidates(projects: readonly unknown[], now: Date): Promise<Candidate[]> {
  return Promise.all(
    projects.map((project, index) =>
      candidate(
        "talkstudio_projects",
        // A project without an id is keyed by its content, which is stable while the storage is.
        isRecord(project) && typeof project.id === "string"
          ? project.id
          : `#${index}:${JSON.stringify(project)}`,
        isRecord(project)
          ? normaliseProject(project, now)
          : { data: project, ...times(undefined, undefined, now) },
      ),
    ),
  );
}

function oldConversationCandidates(entries: Raw, now: Date): Promise<Candidate[]> {
  return Promise.all(
    Object.entries(entries).map(([name, entry]) =>
      candidate(
        "talkstudio_conversations",
        name,
        isRecord(entry)
          ? fromOldConversation(name, entry, now)
          : { data: entry, ...times(undefined, undefined, now) },
      ),
    ),
  );
}

export async function readStorage(
  storage: ReadableStorage,
  now: Date,
): Promise<{ candidates: Candidate[]; unreadable: UnreadableKey[] }> {
  const candidates: Candidate[] = [];
  const unreadable: UnreadableKey[] = [];

  const projects = parseJson(storage, "talkstudio_projects");
  if (projects && "error" in projects)
    unreadable.push({ source: "talkstudio_projects", detail: projects.error });
  else if (projects && !Array.isArray(projects.value)) {
    unreadable.push({ source: "talkstudio_projects", detail: "talkstudio_projects is not an array" });
  } else if (projects) {
    candidates.push(...(await projectCandidates(projects.value as unknown[], now)));
  }

  const old = parseJson(storage, "talkstudio_conversations");
  if (old && "error" in old) unreadable.push({ source: "talkstudio_conversations", detail: old.error });
  else if (old && !isRecord(old.value)) {
    unreadable.push({
      source: "talkstudio_conversations",
      detail: "talkstudio_conversations is not an object",
    });
  } else if (old) {
    candidates.push(...(await oldConversationCandidates(old.value as Raw, now)));
  }
  return { candidates, unreadable };
}
