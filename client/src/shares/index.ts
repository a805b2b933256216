// Share links for the SPA: the owner's calls go through the callables; viewers read a public share
// in one document read and fall back to the openShare callable only when that read is refused.
import {
  doc,
  documentId,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  startAfter,
  Timestamp,
  where,
  collection,
  type QueryConstraint,
} from "firebase/firestore";
import * as z from "zod/mini";
import { callFunction } from "../callables.js";
import { ESTIMATED } from "../estimated.js";
import { TalkStudioError, typedErrors } from "../errors.js";
import type { TalkStudio } from "../firebase.js";
import {
  callables,
  firestorePaths,
  sharedContent,
  shareCode,
  type CreateShareInput,
  type CreateShareOutput,
  type OpenedShare,
  type ShareSettings,
  type UpdateShareInput,
} from "../schema/index.js";
import { requireUid } from "../session.js";

export const createShare = (ts: TalkStudio, input: CreateShareInput): Promise<CreateShareOutput> =>
  callFunction(ts, callables.createShare, input);

export const updateShare = (ts: TalkStudio, input: UpdateShareInput): Promise<ShareSettings> =>
  callFunction(ts, callables.updateShare, input);

export const revokeShare = (ts: TalkStudio, code: string): Promise<{ code: string; revokedAt: string }> =>
  callFunction(ts, callables.revokeShare, { code });

/** A new link for a share whose link leaked: the old one stops working, the settings stay. */
export const regenerateShare = (ts: TalkStudio, code: string): Promise<CreateShareOutput> =>
  callFunction(ts, callables.regenerateShare, { code });

/** Saves a share (one that allows download) as a new conversation of the signed-in user. */
export const copySharedConversation = (
  ts: TalkStudio,
  code: string,
  password?: string,
): Promise<{ conversationId: string }> =>
  callFunction(ts, callables.copySharedConversation, password === undefined ? { code } : { code, password });

const time = z.instanceof(Timestamp);
const storedShare = z.object({
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

/** Where share pages live; createShare's `url` comes from the server, this is for listed rows. */
function shareUrl(ts: TalkStudio, code: string): string {
  return `${ts.shareBaseUrl}/s/${code}`;
}

function settingsOf(ts: TalkStudio, code: string, raw: unknown): ShareSettings {
  const s = storedShare.parse(raw);
  return {
    code,
    url: shareUrl(ts, code),
    conversationId: s.conversationId,
    title: s.title,
    createdAt: s.createdAt.toDate().toISOString(),
    expiresAt: s.expiresAt.toDate().toISOString(),
    revokedAt: s.revokedAt?.toDate().toISOString() ?? null,
    passwordProtected: s.passwordProtected,
    allowDownload: s.allowDownload,
    viewCount: s.viewCount,
  };
}

export interface ShareListOptions {
  /** Default 20, at most 100. */
  readonly pageSize?: number;
  /** The `next` of the previous page. */
  readonly after?: string | null;
  /** Only the shares of one conversation. */
  readonly conversationId?: string;
}

export interface SharePage {
  readonly items: ShareSettings[];
  readonly next: string | null;
}

/** Reads listShares' `next` back: the last row's createdAt (seconds, nanoseconds) and code, as JSON. */
function readCursor(after: string): [number, number, string] {
  let value: unknown = null;
  try {
    value = JSON.parse(after);
  } catch {
    // not JSON: refused below like any other cursor we did not write
  }
  if (
    Array.isArray(value) &&
    value.length === 3 &&
    Number.isInteger(value[0]) &&
    Number.isInteger(value[1]) &&
    typeof value[2] === "string"
  ) {
    return value as [number, number, string];
  }
  throw new TalkStudioError("invalid", "This page cursor is not one listShares returned.");
}

/** The signed-in user's shares (revoked and expired ones included), newest first, a page at a time. */
export function listShares(ts: TalkStudio, options: ShareListOptions = {}): Promise<SharePage> {
  return typedErrors(async () => {
    const uid = requireUid(ts);
    const pageSize = options.pageSize ?? 20;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
      throw new TalkStudioError("invalid", "pageSize must be an integer from 1 to 100.");
    }
    const constraints: QueryConstraint[] = [where("ownerUid", "==", uid)];
    if (options.conversationId) constraints.push(where("conversationId", "==", options.conversationId));
    constraints.push(orderBy("createdAt", "desc"), orderBy(documentId(), "desc"));
    if (options.after) {
      const [seconds, nanoseconds, code] = readCursor(options.after);
      constraints.push(startAfter(new Timestamp(seconds, nanoseconds), code));
    }
    constraints.push(limit(pageSize));
    const snapshot = await getDocs(query(collection(ts.db, firestorePaths.shares), ...constraints));
    const items = snapshot.docs.map((d) => settingsOf(ts, d.id, d.data(ESTIMATED)));
    const last = snapshot.docs.at(-1);
    const lastCreated = last?.get("createdAt", ESTIMATED) as Timestamp | undefined;
    const next =
      items.length === pageSize && last && lastCreated
        ? JSON.stringify([lastCreated.seconds, lastCreated.nanoseconds, last.id])
        : null;
    return { items, next };
  });
}

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
    return callFunction(ts, callables.openShare, password === undefined ? { code } : { code, password });
  });
}
