import * as z from "zod/mini";
import { LIMITS } from "./limits.js";

/**
 * A Firestore document id the client may choose (the SPA's project id, `proj_<ms>_<rand7>`):
 * Firestore refuses `/` in an id, `.` and `..`, and reserves `__…__`; ours are at most
 * LIMITS.idChars. firestore.rules checks the length on every conversation create (Firestore refuses the rest itself).
 */
export const firestoreId = z.string().check(
  z.minLength(1),
  z.maxLength(LIMITS.idChars),
  z.refine((id) => !id.includes("/"), "must not contain /"),
  z.refine((id) => id !== "." && id !== "..", 'must not be "." or ".."'),
  z.refine((id) => !/^__.*__$/.test(id), "must not start and end with __ (reserved by Firestore)"),
);
