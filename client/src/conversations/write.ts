import {
  doc,
  FieldPath,
  getDoc,
  runTransaction,
  serverTimestamp,
  writeBatch,
  type DocumentSnapshot,
  type Firestore,
  type Transaction,
} from "firebase/firestore";
import type { TalkStudio } from "../firebase.js";
import {
  conversationData,
  conversationDataOf,
  firestoreId,
  LIMITS,
  CONVERSATION_CREATES_PER_MINUTE,
  type ConversationData,
  type StoredConversation,
} from "../schema/index.js";
import {
  parseOrThrow,
  TalkStudioError,
  toTalkStudioError,
  typedErrors,
  type ErrorDetails,
} from "../talkstudio-error.js";
import { requireUid } from "../require-uid.js";
import { contentRecord, idsInEntry, tabsFull } from "../schema/conversation-records.js";
import { creditedCreate } from "../schema/create-throttle.js";
import { conversationDigest } from "../sync/digest.js";
import { getConversation, ownerOf, type OwnerOption } from "./get.js";
import { summaryForCreate, summaryForSave } from "./records.js";
import { contentRef, conversationsOf, summaryRef, throttleRef } from "./refs.js";

/** Each Firestore instance's tab id: one per page load, so two tabs (even a duplicated one) never share it. */
const tabIds = new WeakMap<Firestore, string>();

/** This tab's key in its saver's `lastWriteBy` map (see `holdsSave`). */
function tabIdOf(ts: TalkStudio): string {
  let tab = tabIds.get(ts.db);
  if (tab === undefined) {
    tab = randomId();
    tabIds.set(ts.db, tab);
  }
  return tab;
}

/** A save's or a tab's random id (rules: validWrites). */
const randomId = () => crypto.randomUUID().replaceAll("-", "").slice(0, LIMITS.writeIdChars);

/** A `conflict` carries the copy that won: the whole conversation at its current revision. */
export type ConversationErrorDetails = ErrorDetails & { readonly current?: StoredConversation };

const parseConversationData = (input: unknown): ConversationData =>
  parseOrThrow(conversationData, input, "This conversation does not fit the schema or its limits.");

/** Credits one create to the per-minute throttle inside the transaction; true when it opened a new window. */
async function creditCreate(tx: Transaction, ts: TalkStudio, uid: string, id: string): Promise<boolean> {
  const ref = throttleRef(ts, uid, "conversationCreates");
  const { opened, record } = creditedCreate((await tx.get(ref)).data(), id, serverTimestamp());
  tx.set(ref, record);
  return opened;
}

export interface CreateOptions {
  /**
   * The id to create it under, such as the SPA's project id, so one project has one id locally and
   * in the cloud; a Firestore id (`firestoreId`). Default: a fresh random id.
   */
  readonly id?: string;
}

/**
 * Saves a new conversation (summary, content and throttle in one transaction); returns its id. With
 * `id`, an existing conversation of that id is never overwritten: `conflict`, reason
 * `conversation-exists`.
 */
export function createConversation(
  ts: TalkStudio,
  input: ConversationData,
  options: CreateOptions = {},
): Promise<{ id: string; revision: number }> {
  return typedErrors(async () => {
    const data = parseConversationData(input);
    const uid = requireUid(ts);
    const chosen = options.id;
    const id =
      chosen === undefined
        ? doc(conversationsOf(ts, uid)).id
        : parseOrThrow(firestoreId, chosen, "Not a valid conversation id.");
    let openedWindow = false;
    let attempts = 0;
    try {
      await runTransaction(ts.db, async (tx) => {
        attempts += 1;
        // A random id is new by construction, unless an earlier attempt of this call took it; a
        // chosen one may be taken (the rules refuse that too).
        if ((chosen !== undefined || attempts > 1) && (await tx.get(summaryRef(ts, uid, id))).exists()) {
          throw new TalkStudioError("conflict", `Conversation ${id} exists already.`, {
            reason: "conversation-exists",
          });
        }
        openedWindow = await creditCreate(tx, ts, uid, id);
        tx.set(summaryRef(ts, uid, id), summaryForCreate(data));
        tx.set(contentRef(ts, uid, id), contentRecord(data, 1));
      });
    } catch (error) {
      // The SDK retries a transaction whose commit failed; one whose answer was lost may have
      // landed all the same (a phone losing signal, a busy server). Then this create is done.
      if (attempts > 1 && (await holdsCreate(ts, uid, id, data))) return { id, revision: 1 };
      const typed = toTalkStudioError(error);
      if (typed.kind === "permission-denied" && openedWindow) {
        throw new TalkStudioError(
          "rate-limited",
          `At most ${CONVERSATION_CREATES_PER_MINUTE} new conversations a minute: try again shortly.`,
          {},
          { cause: error },
        );
      }
      throw typed;
    }
    return { id, revision: 1 };
  });
}

/**
 * Whether the server holds `data` as conversation `id` at revision 1: what this create writes. A
 * copy made elsewhere with the same data is as good as this one.
 */
async function holdsCreate(ts: TalkStudio, uid: string, id: string, data: ConversationData) {
  const stored = await getConversation(ts, id, { ownerUid: uid }).catch(() => null);
  return (
    stored?.revision === 1 && conversationDigest(conversationDataOf(stored)) === conversationDigest(data)
  );
}

/**
 * Saves over revision `expectedRevision`. If anyone saved since (another tab, another device, another
 * member), the rules refuse and this throws `conflict` carrying their copy, so nothing is overwritten
 * silently. An editor of someone else's conversation passes `ownerUid`.
 */
export function saveConversation(
  ts: TalkStudio,
  id: string,
  input: ConversationData,
  expectedRevision: number,
  options: OwnerOption = {},
): Promise<{ revision: number }> {
  return typedErrors(async () => {
    const data = parseConversationData(input);
    const uid = ownerOf(ts, options);
    const save: SaveWrite = {
      revision: expectedRevision + 1,
      writeId: randomId(),
      saver: requireUid(ts),
      tab: tabIdOf(ts),
    };
    const outcome = await attemptSave(ts, uid, id, data, save);
    if (outcome !== "committed" && outcome !== "landed")
      throw await explainRefusedSave(ts, uid, id, expectedRevision, outcome.refused);
    return { revision: save.revision };
  });
}

/** One save: the revision it makes, its random id, and the saver and tab it is charged to. */
export interface SaveWrite {
  readonly revision: number;
  readonly writeId: string;
  readonly saver: string;
  readonly tab: string;
}

/**
 * Writes one save over revision `save.revision - 1`: committed; refused but on the server after all
 * (`landed`: its answer was lost); or refused. A tab adds its own entry to its saver's map; when the
 * map it finds is full (or an older document's string), it starts the map over with that entry
 * alone (rules: validWrites). Exported for the test that replays the simulator's saves on the
 * emulators.
 */
export async function attemptSave(
  ts: TalkStudio,
  ownerUid: string,
  id: string,
  data: ConversationData,
  save: SaveWrite,
): Promise<"committed" | "landed" | { readonly refused: unknown }> {
  let fresh = false;
  for (;;) {
    try {
      await commitSave(ts, ownerUid, id, data, save, fresh);
      return "committed";
    } catch (error) {
      const content = await getDoc(contentRef(ts, ownerUid, id)).catch(() => null);
      if (content && holdsSave(savedView(content, save.saver), save)) return "landed";
      if (!fresh && content?.get("revision") === save.revision - 1) {
        fresh = tabsFull(content.get(new FieldPath("lastWriteBy", save.saver)), save.tab);
        if (fresh) continue;
      }
      return { refused: error };
    }
  }
}

/** Whether the server holds `save` (`holdsSave` on the content as read now). */
export async function landed(
  ts: TalkStudio,
  ownerUid: string,
  id: string,
  save: SaveWrite,
): Promise<boolean> {
  const content = await getDoc(contentRef(ts, ownerUid, id)).catch(() => null);
  return content !== null && holdsSave(savedView(content, save.saver), save);
}

/**
 * One save's batch: summary and content at `save.revision`, its id in its slot and in its tab's
 * entry, and who saved it (`savedBy`, which the rules check: the version history's author).
 */
function commitSave(
  ts: TalkStudio,
  uid: string,
  id: string,
  data: ConversationData,
  save: SaveWrite,
  fresh: boolean,
): Promise<void> {
  const { revision, writeId, saver, tab } = save;
  const batch = writeBatch(ts.db);
  batch.update(summaryRef(ts, uid, id), summaryForSave(data, revision));
  // An update replaces each field it names whole and keeps the rest: the `members` the functions
  // keep on both documents, which the rules require to stay as they are. The saver's entry is a
  // FieldPath: a uid may hold a dot.
  const fields = {
    ...contentRecord(data, revision),
    [`writes.${revision % LIMITS.writeSlots}`]: writeId,
    savedBy: saver,
  };
  const [entry, value] = fresh
    ? [new FieldPath("lastWriteBy", saver), { [tab]: writeId }]
    : [new FieldPath("lastWriteBy", saver, tab), writeId];
  batch.update(contentRef(ts, uid, id), entry, value, ...Object.entries(fields).flat());
  return batch.commit();
}

/** What `holdsSave` reads of the content document: `saver` is the saver's `lastWriteBy` entry. */
const savedView = (content: DocumentSnapshot, saver: string) => ({
  revision: content.get("revision") as unknown,
  writes: content.get("writes") as unknown,
  saver: content.get(new FieldPath("lastWriteBy", saver)) as unknown,
});

/**
 * Whether a refused save had landed after all: a connection lost after the commit loses the answer,
 * the SDK sends the write again, and the rules refuse the resend because the revision moved. The
 * content remembers each tab's last save id (`lastWriteBy.{uid}.{tab}`) and the last
 * LIMITS.writeSlots saves' ids whoever made them (`writes`): the save's id in its slot (while no
 * later save reused it) or in its saver's entry (until that tab saves again) says it landed. Pure:
 * the sync simulator (tests/sim/) runs it.
 */
export function holdsSave(
  content: { readonly revision: unknown; readonly writes: unknown; readonly saver: unknown },
  save: { readonly revision: number; readonly writeId: string },
): boolean {
  const { revision, writes } = content;
  if (typeof revision !== "number" || revision < save.revision) return false;
  const slot =
    typeof writes === "object" && writes !== null
      ? (writes as Record<string, unknown>)[String(save.revision % LIMITS.writeSlots)]
      : undefined;
  const inSlot = revision - save.revision < LIMITS.writeSlots && slot === save.writeId;
  return inSlot || idsInEntry(content.saver).includes(save.writeId);
}

/** A refused save is a conflict, a deleted conversation, or a real refusal: look at the server to tell. */
async function explainRefusedSave(
  ts: TalkStudio,
  uid: string,
  id: string,
  expectedRevision: number,
  error: unknown,
): Promise<TalkStudioError<ConversationErrorDetails>> {
  const typed = toTalkStudioError(error);
  if (typed.kind !== "permission-denied" && typed.kind !== "not-found") return typed;
  const summary = await getDoc(summaryRef(ts, uid, id));
  if (!summary.exists())
    return new TalkStudioError("not-found", `No conversation ${id}.`, {}, { cause: error });
  if (summary.get("revision") === expectedRevision) return typed;
  const current = await getConversation(ts, id, { ownerUid: uid });
  return new TalkStudioError(
    "conflict",
    `Conversation ${id} was saved elsewhere (revision ${current.revision}, expected ${expectedRevision}).`,
    { current },
    { cause: error },
  );
}

/** Deletes a conversation's documents together. Deleting one that is already gone succeeds. */
export function deleteConversation(ts: TalkStudio, id: string): Promise<void> {
  return typedErrors(async () => {
    const uid = requireUid(ts);
    const batch = writeBatch(ts.db);
    batch.delete(contentRef(ts, uid, id));
    batch.delete(summaryRef(ts, uid, id));
    await batch.commit();
  });
}
