import { getDoc, onSnapshot, type DocumentSnapshot, type Unsubscribe } from "firebase/firestore";
import type { TalkStudio } from "../firebase.js";
import type { StoredConversation } from "../schema/index.js";
import { TalkStudioError, toTalkStudioError, typedErrors } from "../talkstudio-error.js";
import { requireUid } from "../require-uid.js";
import { ESTIMATED } from "../estimated.js";
import { noteRefusal } from "../collaboration/access-lost.js";
import { joinConversation, readContent, readSummary } from "./records.js";
import { contentRef, summaryRef } from "./refs.js";

/** Joins the two documents; null while a save is between them (revisions differ) or when deleted. */
function joined(summary: DocumentSnapshot, content: DocumentSnapshot): StoredConversation | null | "between" {
  const summaryData = summary.data(ESTIMATED);
  const contentData = content.data(ESTIMATED);
  if (!summaryData || !contentData) return summaryData || contentData ? "between" : null;
  const body = readContent(contentData);
  if (body.revision !== summaryData.revision) return "between";
  return joinConversation(readSummary(summary.id, summaryData), body.data);
}

const READ_ATTEMPTS = 3;

/** Whose conversation: default the signed-in user's own; a member passes the owner's uid. */
export interface OwnerOption {
  readonly ownerUid?: string;
}

/** The owner of the conversation a call acts on: `ownerUid`, or the signed-in user. */
export const ownerOf = (ts: TalkStudio, options: OwnerOption): string => {
  const uid = requireUid(ts);
  return options.ownerUid ?? uid;
};

/** One conversation, whole. Its two documents are read together and retried if a save fell between. */
export function getConversation(
  ts: TalkStudio,
  id: string,
  options: OwnerOption = {},
): Promise<StoredConversation> {
  return typedErrors(async () => {
    const uid = ownerOf(ts, options);
    for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      const [summary, content] = await Promise.all([
        getDoc(summaryRef(ts, uid, id)),
        getDoc(contentRef(ts, uid, id)),
      ]);
      const result = joined(summary, content);
      if (result === null) throw new TalkStudioError("not-found", `No conversation ${id}.`);
      if (result !== "between") return result;
    }
    throw new TalkStudioError("unavailable", `Conversation ${id} kept changing while being read.`);
  });
}

export interface WatchInfo {
  /**
   * The copy holds writes the server has not confirmed yet: this tab's save in flight, another
   * tab's (tabs share one cache with `offline`), or a save queued before the tab was closed.
   */
  readonly pending: boolean;
  /** Read from the cache (offline, or before the server first answered): it may be out of date. */
  readonly fromCache: boolean;
}

/**
 * Calls `onChange` with the conversation whenever it changes (another tab's or member's save
 * included), and with null once it is deleted; again when a pending copy is confirmed or the server
 * first answers. Returns the function that stops watching.
 */
export function watchConversation(
  ts: TalkStudio,
  id: string,
  onChange: (conversation: StoredConversation | null, info: WatchInfo) => void,
  onError: (error: TalkStudioError) => void = () => undefined,
  options: OwnerOption = {},
): Unsubscribe {
  const uid = ownerOf(ts, options);
  let summary: DocumentSnapshot | undefined;
  let content: DocumentSnapshot | undefined;
  let last: string | undefined;
  const emit = () => {
    if (!summary || !content) return;
    try {
      const result = joined(summary, content);
      if (result === "between") return;
      const pending = summary.metadata.hasPendingWrites || content.metadata.hasPendingWrites;
      const fromCache = summary.metadata.fromCache || content.metadata.fromCache;
      // Metadata changes are listened to for these flags alone: a confirmed revision is one copy.
      const key = result ? `${result.revision}:${pending}:${fromCache}` : "deleted";
      if (key === last) return;
      last = key;
      onChange(result, { pending, fromCache });
    } catch (error) {
      onError(toTalkStudioError(error));
    }
  };
  const fail = (error: unknown) => {
    const typed = toTalkStudioError(error);
    noteRefusal(ts, uid, id, typed);
    onError(typed);
  };
  const listen = { includeMetadataChanges: true };
  const stops = [
    onSnapshot(summaryRef(ts, uid, id), listen, (s) => ((summary = s), emit()), fail),
    onSnapshot(contentRef(ts, uid, id), listen, (s) => ((content = s), emit()), fail),
  ];
  return () => stops.forEach((stop) => stop());
}
