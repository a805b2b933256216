// Version history of a conversation (docs/collaboration.md): read by members here, written by the
// functions (the automatic snapshots by a trigger, named ones and restores by callables).
import { collection, doc, getDoc, getDocs, limit, orderBy, query, Timestamp } from "firebase/firestore";
import * as z from "zod/mini";
import { callFunction } from "../call-function.js";
import { ownerOf, type OwnerOption } from "../conversations/get.js";
import { ESTIMATED } from "../estimated.js";
import type { TalkStudio } from "../firebase.js";
import {
  restoreVersionContract,
  saveVersionContract,
  COLLABORATION_LIMITS,
  firestorePaths,
  versionKind,
  parseVersionSnapshot,
  type ConversationData,
  type VersionKind,
} from "../schema/index.js";
import { TalkStudioError, typedErrors } from "../talkstudio-error.js";

/** One row of a conversation's history. */
export interface VersionInfo {
  readonly id: string;
  readonly revision: number;
  readonly kind: VersionKind;
  readonly name: string | null;
  readonly title: string;
  readonly messageCount: number;
  readonly createdAt: Date;
  readonly createdBy: string | null;
  /** Who saved the state it holds (null on versions kept before authors were recorded). */
  readonly author: string | null;
  readonly expiresAt: Date;
}

const timestamp = z.instanceof(Timestamp);
const storedVersion = z.object({
  revision: z.int(),
  kind: versionKind,
  name: z.nullable(z.string()),
  title: z.string(),
  messageCount: z.int(),
  createdAt: timestamp,
  createdBy: z.nullable(z.string()),
  author: z.optional(z.string()),
  expiresAt: timestamp,
});

function versionInfo(id: string, data: unknown): VersionInfo {
  const v = storedVersion.parse(data);
  return {
    id,
    ...v,
    author: v.author ?? null,
    createdAt: v.createdAt.toDate(),
    expiresAt: v.expiresAt.toDate(),
  };
}

/**
 * The conversation's versions, newest first: every one it keeps (at most versionsPerConversation,
 * so one page). Rows only: `getVersion` reads a version's copy. Owner and editors only: a viewer's
 * read is refused (`permission-denied`), as history may hold text deleted before they joined.
 */
export function listVersions(
  ts: TalkStudio,
  conversationId: string,
  options: OwnerOption = {},
): Promise<VersionInfo[]> {
  return typedErrors(async () => {
    const owner = ownerOf(ts, options);
    const snapshot = await getDocs(
      query(
        collection(ts.db, firestorePaths.versions(owner, conversationId)),
        orderBy("createdAt", "desc"),
        limit(COLLABORATION_LIMITS.versionsPerConversation),
      ),
    );
    // TTL deletion lags: an expired version is gone for the reader already.
    const now = Date.now();
    return snapshot.docs
      .map((d) => versionInfo(d.id, d.data(ESTIMATED)))
      .filter((v) => v.expiresAt.getTime() > now);
  });
}

/** A version with its copy of the conversation. */
export function getVersion(
  ts: TalkStudio,
  conversationId: string,
  versionId: string,
  options: OwnerOption = {},
): Promise<VersionInfo & { readonly data: ConversationData }> {
  return typedErrors(async () => {
    const owner = ownerOf(ts, options);
    const [row, copy] = await Promise.all([
      getDoc(doc(ts.db, firestorePaths.version(owner, conversationId, versionId))),
      getDoc(doc(ts.db, firestorePaths.versionSnapshot(owner, conversationId, versionId))),
    ]);
    const data = copy.exists() ? parseVersionSnapshot(copy.data()) : null;
    if (!row.exists() || !data) {
      throw new TalkStudioError("not-found", `No version ${versionId}.`, { reason: "version-not-found" });
    }
    return { ...versionInfo(row.id, row.data(ESTIMATED)), data };
  });
}

/**
 * Keeps the conversation as it is now under `name` (owner and editors). A name belongs to whoever
 * gave it: renaming someone else's is refused (`version-named-by-another`), and each person has
 * namedVersionsPerPerson names per conversation (`too-many-named-versions`).
 */
export function saveVersion(
  ts: TalkStudio,
  conversationId: string,
  name: string,
  options: OwnerOption = {},
): Promise<{ versionId: string; revision: number }> {
  return typedErrors(async () => {
    const ownerUid = ownerOf(ts, options);
    const { versionId, revision } = await callFunction(ts, saveVersionContract, {
      ownerUid,
      conversationId,
      name,
    });
    // Without `revision` in the request the function always keeps one.
    if (!versionId) throw new TalkStudioError("unknown", "saveVersion kept nothing.");
    return { versionId, revision };
  });
}

/**
 * Saves a version's copy as a new revision (owner and editors); what the conversation held is kept
 * as a version first (`keptAs`). Open editors receive it as any other member's save.
 */
export function restoreVersion(
  ts: TalkStudio,
  conversationId: string,
  versionId: string,
  options: OwnerOption = {},
): Promise<{ revision: number; keptAs: string }> {
  return typedErrors(async () =>
    callFunction(ts, restoreVersionContract, {
      ownerUid: ownerOf(ts, options),
      conversationId,
      versionId,
    }),
  );
}
