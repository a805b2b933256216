// The share documents as the client SDK reads them: openShare a public `shares/{code}`, listShares
// the owner's records `users/{uid}/shares/{code}`.
import { Timestamp } from "firebase/firestore";
import * as z from "zod/mini";
import { sharedContent } from "../schema/index.js";

const time = z.instanceof(Timestamp);
const settings = {
  title: z.string(),
  createdAt: time,
  expiresAt: time,
  revokedAt: z.nullable(time),
  passwordProtected: z.boolean(),
  allowDownload: z.boolean(),
  viewCount: z.number(),
};
export const storedShare = z.object({ ...settings, content: z.nullable(sharedContent) });
export const storedOwnShare = z.object({ ...settings, conversationId: z.string() });
