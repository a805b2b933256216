import * as z from "zod/mini";
import { DOCUMENT_ID_PATTERN } from "./limits.js";

/**
 * A Firestore document id the client may choose (the SPA's project id, `proj_<ms>_<rand7>`), and
 * every conversation id a caller names: DOCUMENT_ID_PATTERN (URL-safe characters, at most
 * LIMITS.idChars, never Firestore's reserved `__…__`). firestore.rules' validDocumentId is the same test.
 */
export const firestoreId = z.string().check(z.regex(DOCUMENT_ID_PATTERN, "must be a conversation id"));
