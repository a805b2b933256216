// The simulated Firestore (and the two functions the engine meets) for the sync simulator: one
// conversation with the rules' semantics — a save lands only over the revision it expects, by the
// owner or a member; it fills its `writes` slot and its tab's entry in its saver's `lastWriteBy` map
// (full: started over, as conversations/write.ts does on the rules' refusal) — plus
// `saveVersion` (keeps the current revision only while it is the one asked for) and member removal.
import { LIMITS, type ConversationData } from "../../client/src/index.js";
import { holdsSave } from "../../client/src/conversations/write.js";
import { tabsFull } from "../../client/src/schema/conversation-records.js";

const WRITE_SLOTS = LIMITS.writeSlots;

/** A saver's entry in `lastWriteBy`: their tabs' last save ids by tab id. */
type SaverTabs = Readonly<Record<string, string>>;

/**
 * A saver's entry after a save of `tab`, as conversations/write.ts leaves it: its id set, or, when
 * full, the entry started over with it.
 */
function withSave(entry: SaverTabs | undefined, tab: string, writeId: string): SaverTabs {
  return { ...(entry && !tabsFull(entry, tab) ? entry : {}), [tab]: writeId };
}

export interface SimWrite {
  readonly uid: string;
  /** The saving tab's id: its key in `lastWriteBy.{uid}` (conversations/write.ts: one per page load). */
  readonly tab: string;
  readonly expectedRevision: number;
  readonly data: ConversationData;
  readonly writeId: string;
}

export interface ServerCopy {
  readonly revision: number;
  readonly data: ConversationData;
}

/** A change of the server's copy, for the invariants: who made it and how. */
export interface Commit {
  readonly before: ServerCopy;
  readonly after: ServerCopy;
  readonly kind: "save" | "restore";
  readonly client: number;
  /** Which of the client's tabs (a closed tab's queued write lands after it closed). */
  readonly generation: number;
}

export class SimServer {
  revision = 1;
  data: ConversationData;
  readonly writes: string[] = [];
  /** `lastWriteBy`: each saver's tabs' last save ids. */
  readonly writers = new Map<string, SaverTabs>();
  readonly members: Set<string>;
  /** The copies the version history keeps. */
  readonly versions: ConversationData[] = [];
  readonly commits: Commit[] = [];

  constructor(
    readonly owner: string,
    data: ConversationData,
    members: readonly string[],
  ) {
    this.data = data;
    this.members = new Set(members);
  }

  get copy(): ServerCopy {
    return { revision: this.revision, data: this.data };
  }

  mayEdit(uid: string): boolean {
    return uid === this.owner || this.members.has(uid);
  }

  /** The rules: one revision up from the expected one, by someone who may edit. */
  commit(write: SimWrite, client: number, generation: number): boolean {
    if (!this.mayEdit(write.uid) || write.expectedRevision !== this.revision) return false;
    const before = this.copy;
    this.revision += 1;
    this.data = write.data;
    this.writes[this.revision % WRITE_SLOTS] = write.writeId;
    this.writers.set(write.uid, withSave(this.writers.get(write.uid), write.tab, write.writeId));
    this.commits.push({ before, after: this.copy, kind: "save", client, generation });
    return true;
  }

  /** `landed()` of conversations/write.ts, read from the server. */
  landed(write: SimWrite): boolean {
    return holdsSave(
      { revision: this.revision, writes: this.writes, saver: this.writers.get(write.uid) },
      { revision: write.expectedRevision + 1, writeId: write.writeId },
    );
  }

  /** The saveVersion function ("overwritten"): keeps the revision only while it is current. */
  saveVersion(uid: string, revision: number): { versionId: string | null; revision: number } {
    if (!this.mayEdit(uid)) throw new Error("permission-denied");
    if (revision !== this.revision) return { versionId: null, revision: this.revision };
    this.versions.push(this.data);
    return { versionId: `v${revision}`, revision };
  }

  /** A member restores an older copy: a save of that copy, the current one kept first. */
  restore(data: ConversationData, client: number): void {
    const before = this.copy;
    this.versions.push(this.data);
    this.revision += 1;
    this.data = data;
    this.writes[this.revision % WRITE_SLOTS] = `restore${this.revision}`;
    this.commits.push({ before, after: this.copy, kind: "restore", client, generation: -1 });
  }

  /** removeMember: their access and their `lastWriteBy` entry go. */
  removeMember(uid: string): void {
    this.members.delete(uid);
    this.writers.delete(uid);
  }
}
