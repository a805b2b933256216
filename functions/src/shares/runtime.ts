// The production dependencies of the share domain functions, for every entry point that uses them.
import { getFirestore } from "firebase-admin/firestore";
import { nanoid } from "nanoid";
import { shareBaseUrl } from "../config.js";
import { SHARE_LIMITS } from "../schema.js";
import type { ShareDeps } from "./deps.js";

export const shareDeps = (): ShareDeps => ({
  db: getFirestore(),
  now: () => new Date(),
  baseUrl: shareBaseUrl.value().replace(/\/+$/, ""),
  newCode: () => nanoid(SHARE_LIMITS.codeChars),
});
