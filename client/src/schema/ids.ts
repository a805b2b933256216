import * as z from "zod/mini";
import { DOCUMENT_ID_PATTERN, LIMITS } from "./limits.js";

/**
 * A Firestore document id the client may choose (the SPA's project id, `proj_<ms>_<rand7>`), and
 * every conversation id a caller names: DOCUMENT_ID_PATTERN (URL-safe characters, at most
 * LIMITS.idChars, never Firestore's reserved `__…__`). firestore.rules' validDocumentId is the same test.
 */
export const firestoreId = z.string().check(z.regex(DOCUMENT_ID_PATTERN, "must be a conversation id"));

/**
 * A Firebase Auth uid (1–LIMITS.uidChars characters, Firebase's own bound; Kakao users' `kakao:{id}`)
 * that is safe as a path segment: never a path ("a/b"), a dot segment or the reserved "__name__" form.
 */
export const userId = z
  .string()
  .check(z.regex(new RegExp(`^(?!\\.\\.?$)(?!__.*__$)[^/]{1,${LIMITS.uidChars}}$`), "must be a user id"));
