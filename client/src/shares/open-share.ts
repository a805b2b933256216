import { doc, getDoc } from "firebase/firestore";
import { callFunction } from "../call-function.js";
import { ESTIMATED } from "../estimated.js";
import type { TalkStudio } from "../firebase.js";
import { openShareContract, firestorePaths, shareCode, type OpenedShare } from "../schema/index.js";
import { TalkStudioError, typedErrors } from "../talkstudio-error.js";
import { storedShare } from "./stored-share.js";

/**
 * Opens a share as a viewer. A live public share costs one document read and no function call; the
 * rules refuse the read of anything else (password, revoked, expired, unknown), and the openShare
 * callable then says which, or unlocks the share with `password`.
 */
export function openShare(ts: TalkStudio, code: string, password?: string): Promise<OpenedShare> {
  return typedErrors(async () => {
    if (!shareCode.safeParse(code).success) {
      throw new TalkStudioError("not-found", "That is not a share code.", { reason: "share-not-found" });
    }
    if (password === undefined) {
      const direct = await getDoc(doc(ts.db, firestorePaths.share(code))).catch(() => null);
      const share = direct?.exists() ? storedShare.safeParse(direct.data(ESTIMATED)) : null;
      if (share?.success && share.data.content !== null && !share.data.passwordProtected) {
        const s = share.data;
        if (s.revokedAt === null && s.expiresAt.toMillis() > Date.now()) {
          return {
            code,
            title: s.title,
            content: s.content!,
            allowDownload: s.allowDownload,
            expiresAt: s.expiresAt.toDate().toISOString(),
          };
        }
      }
    }
    return callFunction(ts, openShareContract, password === undefined ? { code } : { code, password });
  });
}
