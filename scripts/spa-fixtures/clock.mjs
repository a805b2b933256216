// A steady clock and a seeded Math.random, installed before the SPA's modules load, so the ids and
// times they generate (`msg-${Date.now()}`, `proj_<ms>_<rand>`) are the same on every run.
const RealDate = Date;
let now = RealDate.UTC(2025, 2, 14, 3, 7, 0); // 2025-03-14 12:07 in Korea

class SteadyDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(now);
    else super(...args);
  }
  static now() {
    return now;
  }
}
globalThis.Date = SteadyDate;

/** Moves the clock on, as a person takes time between clicks. */
export function advance(ms) {
  now += ms;
}

let seed = 20250314;
Math.random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

// The SPA's modules read and write `localStorage`: a plain in-memory one, like a fresh browser profile.
const items = new Map();
globalThis.localStorage = {
  getItem: (key) => (items.has(key) ? items.get(key) : null),
  setItem: (key, value) => void items.set(key, String(value)),
  removeItem: (key) => void items.delete(key),
  clear: () => items.clear(),
};

/** What LocalStorage holds now, key by key, then empties it for the next scenario. */
export function takeLocalStorage() {
  const snapshot = Object.fromEntries(items);
  items.clear();
  return snapshot;
}

// Only the fixtures go to stdout.
console.log = (...args) => console.error(...args);
