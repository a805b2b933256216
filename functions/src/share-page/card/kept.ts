// Rendered images kept per instance, keyed by share code and revision: each revision is rendered
// once (concurrent requests share the one render in flight), the oldest key goes first.

/** A keeper of at most `limit` renders; a rejected render is forgotten, so only a resolved one is kept. */
export function keptRenders<T>(limit: number) {
  const kept = new Map<string, Promise<T>>();
  return (key: string, render: () => Promise<T>): Promise<T> => {
    let value = kept.get(key);
    if (!value) {
      value = render();
      value.catch(() => kept.delete(key));
      kept.set(key, value);
      if (kept.size > limit) kept.delete(kept.keys().next().value as string);
    }
    return value;
  };
}
