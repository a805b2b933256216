import { onSnapshot, type Query, type QueryDocumentSnapshot, type Unsubscribe } from "firebase/firestore";
import type { TalkStudio } from "../firebase.js";
import type { ConversationSummary } from "../schema/index.js";
import { toTalkStudioError, type TalkStudioError } from "../talkstudio-error.js";
import { listQuery, type ListOptions } from "./list.js";
import { readSummary } from "./records.js";
import { ESTIMATED } from "../estimated.js";

/**
 * Follows a page query: `onChange` gets every row again (`read` turns each into a summary)
 * whenever one changes; a query that cannot be built, a refusal or a bad row goes to `onError`.
 */
export function watchPage<T>(
  page: () => Query,
  read: (snapshot: QueryDocumentSnapshot) => T,
  onChange: (items: T[]) => void,
  onError: (error: TalkStudioError) => void,
): Unsubscribe {
  const fail = (error: unknown) => onError(toTalkStudioError(error));
  let built;
  try {
    built = page();
  } catch (error) {
    fail(error);
    return () => undefined;
  }
  return onSnapshot(
    built,
    (snapshot) => {
      try {
        onChange(snapshot.docs.map(read));
      } catch (error) {
        fail(error);
      }
    },
    fail,
  );
}

/**
 * Follows one page of the signed-in user's list (same order, page size and filter as
 * `listConversations`): `onChange` gets the whole page again whenever a conversation on it is
 * created, renamed, saved or deleted, in this tab, another tab or another device. Returns the
 * function that stops watching.
 */
export function watchConversations(
  ts: TalkStudio,
  options: ListOptions,
  onChange: (items: ConversationSummary[]) => void,
  onError: (error: TalkStudioError) => void = () => undefined,
): Unsubscribe {
  return watchPage(
    () => listQuery(ts, options).page,
    // This tab's own pending create or save has no server times yet: estimate them.
    (d) => readSummary(d.id, d.data(ESTIMATED)),
    onChange,
    onError,
  );
}
