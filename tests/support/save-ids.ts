import { LIMITS } from "../../client/src/index.js";

let saves = 0;

/**
 * The save ids a client's save sets (client/src/conversations/write.ts; rules: validWrites): one new
 * id in the revision's slot of `writes` and under the saving tab's id in its saver's `lastWriteBy`
 * map, and the saver as `savedBy`.
 */
export function saveIdsOf(saver: string, revision: number, tab = "tab1"): Record<string, string> {
  const id = `save${++saves}`;
  return {
    [`writes.${revision % LIMITS.writeSlots}`]: id,
    [`lastWriteBy.${saver}.${tab}`]: id,
    savedBy: saver,
  };
}
