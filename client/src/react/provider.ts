// The TalkStudio instance reaches every hook through <TalkStudioProvider ts={ts}>, so components
// never import it. React is an optional peer dependency: only @talkstudio/client/react imports it.
import { createContext, createElement, useContext, type ReactNode } from "react";
import type { TalkStudio } from "../firebase.js";
import { TalkStudioError } from "../talkstudio-error.js";

const TalkStudioContext = createContext<TalkStudio | null>(null);

/** Makes `ts` (one `createTalkStudio` for the whole app) available to every hook below it. */
export function TalkStudioProvider(props: { readonly ts: TalkStudio; readonly children?: ReactNode }) {
  return createElement(TalkStudioContext.Provider, { value: props.ts }, props.children);
}

/** The provider's TalkStudio; throws `failed-precondition` outside a `TalkStudioProvider`. */
export function useTalkStudio(): TalkStudio {
  const ts = useContext(TalkStudioContext);
  if (!ts) throw new TalkStudioError("failed-precondition", "Wrap the app in <TalkStudioProvider ts={…}>.");
  return ts;
}
