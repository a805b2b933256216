// What the list hooks share: rows as React state, read again when what they depend on changes,
// either followed live (a watch) or read once per `refresh()` (a callable or a query).
import { useCallback, useEffect, useRef, useState } from "react";
import { toTalkStudioError, type TalkStudioError } from "../talkstudio-error.js";

export interface Loaded<T> {
  /** What was read; empty while loading or signed out. */
  readonly items: T[];
  readonly loading: boolean;
  readonly error: TalkStudioError | null;
}

export interface Refreshable<T> extends Loaded<T> {
  /** Reads again (what it shows is not watched). */
  readonly refresh: () => void;
}

const NOTHING: Loaded<never> = { items: [], loading: false, error: null };
const LOADING: Loaded<never> = { items: [], loading: true, error: null };

type Keyed<T> = Loaded<T> & { key?: string };

/**
 * Follows `watch` while `key` is set, again whenever it changes (`key` must say everything the
 * watch depends on: callers pass new option objects on every render).
 */
export function useWatched<T>(
  key: string | undefined,
  watch: (onChange: (items: T[]) => void, onError: (error: TalkStudioError) => void) => () => void,
): Loaded<T> {
  const [state, setState] = useState<Keyed<T>>(NOTHING);
  const latest = useRef(watch);
  latest.current = watch;
  useEffect(() => {
    if (!key) return;
    setState({ ...LOADING, key });
    return latest.current(
      (items) => setState({ items, loading: false, error: null, key }),
      (error) => setState({ items: [], loading: false, error, key }),
    );
  }, [key]);
  return state.key === key ? state : key ? LOADING : NOTHING;
}

/**
 * Reads `load` while `key` is set, again when it changes or on `refresh()`; the rows read before
 * stay shown (with `loading`) until the new ones arrive.
 */
export function useFetched<T>(key: string | undefined, load: () => Promise<T[]>): Refreshable<T> {
  const [state, setState] = useState<Keyed<T>>(NOTHING);
  const [round, setRound] = useState(0);
  const latest = useRef(load);
  latest.current = load;
  const roundKey = key && `${key} ${round}`;
  useEffect(() => {
    if (!roundKey) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true, key: roundKey }));
    latest.current().then(
      (items) => current && setState({ items, loading: false, error: null, key: roundKey }),
      (error: unknown) =>
        current && setState({ items: [], loading: false, error: toTalkStudioError(error), key: roundKey }),
    );
    return () => {
      current = false;
    };
  }, [roundKey]);
  const refresh = useCallback(() => setRound((n) => n + 1), []);
  const shown = state.key === roundKey ? state : roundKey ? { ...state, loading: true } : NOTHING;
  return { ...shown, refresh };
}
