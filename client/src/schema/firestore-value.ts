// What Firestore refuses to store inside a document, checked at the boundary so a caller's free-form
// value (a theme's extra keys) is `invalid`, never a failed write on the server.

/** Firestore's limits on map keys and nesting (firebase.google.com/docs/firestore/quotas). */
export const FIRESTORE_VALUE_LIMITS = {
  /** Maps and arrays nested inside a document, the document's own fields counting as level 1. */
  depth: 20,
  /** Bytes of one field name. */
  keyBytes: 1500,
} as const;

/** Reserved field names: `__name__`, and any other `__…__`. */
const RESERVED_KEY = /^__.*__$/;
const utf8 = new TextEncoder();

/**
 * Why Firestore would refuse to store `value` below a document's top level, or null when it would
 * not: a reserved (`__x__`), empty or over-long key, an array directly inside an array, or nesting
 * deeper than FIRESTORE_VALUE_LIMITS.depth. `level` is the nesting of `value` itself (a top-level
 * field's value is at 1).
 */
export function firestoreValueProblem(value: unknown, level = 1): string | null {
  if (typeof value !== "object" || value === null) return null;
  if (level > FIRESTORE_VALUE_LIMITS.depth) {
    return `nests deeper than ${FIRESTORE_VALUE_LIMITS.depth} levels`;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      if (Array.isArray(item)) return "has an array directly inside an array";
      const problem = firestoreValueProblem(item, level + 1);
      if (problem !== null) return problem;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key === "") return "has an empty key";
    if (RESERVED_KEY.test(key)) return `has the reserved key ${JSON.stringify(key.slice(0, 40))}`;
    if (utf8.encode(key).length > FIRESTORE_VALUE_LIMITS.keyBytes) {
      return `has a key longer than ${FIRESTORE_VALUE_LIMITS.keyBytes} bytes`;
    }
    const problem = firestoreValueProblem(item, level + 1);
    if (problem !== null) return problem;
  }
  return null;
}
