import type { TalkStudio } from "./firebase.js";

/** One lazily started service per TalkStudio: started, and pointed at its emulator, on first use. */
export function lazyService<T>(start: (ts: TalkStudio) => T): (ts: TalkStudio) => T {
  const started = new WeakMap<TalkStudio, T>();
  return (ts) => {
    let service = started.get(ts);
    if (service === undefined) {
      service = start(ts);
      started.set(ts, service);
    }
    return service;
  };
}
