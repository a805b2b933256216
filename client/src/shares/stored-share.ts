// `shares/{code}` as the client SDK reads it: listShares reads its owner's, openShare a public one.
import { Timestamp } from "firebase/firestore";
import * as z from "zod/mini";
import { sharedContent } from "../schema/index.js";

const time = z.instanceof(Timestamp);
export const storedShare = z.object({
  ownerUid: z.string(),
  conversationId: z.string(),
  title: z.string(),
  createdAt: time,
  expiresAt: time,
  revokedAt: z.nullable(time),
  passwordProtected: z.boolean(),
  allowDownload: z.boolean(),
  viewCount: z.number(),
  content: z.nullable(sharedContent),
});
