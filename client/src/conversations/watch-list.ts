import { onSnapshot, type Unsubscribe } from "firebase/firestore";
import { ESTIMATED } from "../estimated.js";
import type { TalkStudio } from "../firebase.js";
import type { ConversationSummary } from "../schema/index.js";
import { toTalkStudioError, type TalkStudioError } from "../talkstudio-error.js";
import { listQuery, type ListOptions } from "./list.js";
import { readSummary } from "./records.js";

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
  const fail = (error: unknown) => onError(toTalkStudioError(error));
  let page;
  try {
    page = listQuery(ts, options).page;
  } catch (error) {
    fail(error);
    return () => undefined;
  }
  return onSnapshot(
    page,
    (snapshot) => {
      try {
        // This tab's own pending create or save has no server times yet: estimate them.
        onChange(snapshot.docs.map((d) => readSummary(d.id, d.data(ESTIMATED))));
      } catch (error) {
        fail(error);
      }
    },
    fail,
  );
}
