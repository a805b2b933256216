// What the simulator checks (docs/conversations.md, "Sync engine", "What the simulator proves"):
// every change of the server's copy keeps what it must (a text is replaced only by an edit made on
// top of it, a choice the user made, or after it was kept in the history; a message goes only by a
// delete of what the deleter saw; a deleted message comes back only as a concurrent edit of it), and
// at the end every text a user typed reached the server or was given up by a rule.
import type { ConversationData, Message } from "../../client/src/index.js";
import type { Commit } from "./sim-server.js";

/** Each copy is read at two commits (after one, before the next): its texts are built once. */
const texts = new WeakMap<ConversationData, Map<string, string>>();
function textsOf(data: ConversationData): Map<string, string> {
  let known = texts.get(data);
  if (!known)
    texts.set(data, (known = new Map(data.conversation.messages.map((m: Message) => [m.id, m.text]))));
  return known;
}

export class Ledger {
  /** Each typed text's parent: the text it was typed over (null for a new message). */
  readonly parent = new Map<string, string | null>();
  readonly children = new Map<string, string[]>();
  /** Per message, the texts deleters saw when they deleted it. */
  readonly deletedSeen = new Map<string, Set<string>>();
  /** `mine|theirs` pairs a user resolved with keep mine. */
  readonly chosenOver = new Set<string>();
  /** Texts a user gave up with take theirs. */
  readonly discarded = new Set<string>();
  /** Texts typed in a tab that was killed before the SPA's autosave kept them. */
  readonly killed = new Set<string>();
  /** Texts typed by a member who was then removed (their unsaved edits are refused). */
  readonly refused = new Set<string>();
  /** `id|text` of every message in a version the history keeps. */
  readonly kept = new Set<string>();
  /** Texts that were on the server at some revision. */
  readonly landed = new Set<string>();
  /** Per message, the texts it had on the server just before each (non-restore) delete. */
  readonly deletedTexts = new Map<string, string[]>();
  readonly violations: string[] = [];

  typed(text: string, parent: string | null): void {
    this.parent.set(text, parent);
    if (parent !== null) {
      const list = this.children.get(parent);
      if (list) list.push(text);
      else this.children.set(parent, [text]);
    }
  }

  deleted(id: string, seen: string): void {
    const set = this.deletedSeen.get(id);
    if (set) set.add(seen);
    else this.deletedSeen.set(id, new Set([seen]));
  }

  keep(data: ConversationData): void {
    for (const m of data.conversation.messages) this.kept.add(`${m.id}|${m.text}`);
  }

  /** `ancestor` is `text` or one of the texts it was typed over. */
  descends(text: string, ancestor: string): boolean {
    for (let t: string | null | undefined = text; t !== null && t !== undefined; t = this.parent.get(t))
      if (t === ancestor) return true;
    return false;
  }

  /** `text` was typed over `old`, or over a text the user chose over `old` (keep mine). */
  supersedes(text: string, old: string): boolean {
    for (let t: string | null | undefined = text; t !== null && t !== undefined; t = this.parent.get(t))
      if (t === old || this.chosenOver.has(`${t}|${old}`)) return true;
    return false;
  }

  /** One change of the server's copy; `rebased`: a save merged with no common base (deletes may return). */
  check(commit: Commit, rebased = false): void {
    const before = textsOf(commit.before.data);
    const after = textsOf(commit.after.data);
    for (const text of after.values()) this.landed.add(text);
    if (commit.kind === "restore") return;
    const at = `revision ${commit.after.revision} by client ${commit.client}`;
    for (const [id, text] of before) {
      const now = after.get(id);
      if (now === text) continue;
      const inHistory = this.kept.has(`${id}|${text}`);
      if (now === undefined) {
        const seen = [...(this.deletedSeen.get(id) ?? [])].some((s) => this.supersedes(s, text));
        if (!seen && !inHistory) this.violations.push(`${at}: message ${id} ("${text}") deleted unseen`);
        const list = this.deletedTexts.get(id);
        if (list) list.push(text);
        else this.deletedTexts.set(id, [text]);
      } else if (!this.supersedes(now, text) && !inHistory) {
        this.violations.push(`${at}: message ${id} text "${text}" overwritten by "${now}" and kept nowhere`);
      }
    }
    for (const [id, text] of after) {
      if (before.has(id) || rebased) continue;
      const gone = this.deletedTexts.get(id) ?? [];
      if (gone.some((old) => this.descends(old, text)))
        this.violations.push(`${at}: deleted message ${id} came back as "${text}"`);
    }
  }

  /** A typed text reached the server, or a later text typed over it did, or a rule gave it up. */
  private covered(text: string, depth = 0): boolean {
    if (this.landed.has(text) || this.discarded.has(text) || this.killed.has(text)) return true;
    if (this.refused.has(text) || depth > 500) return true;
    for (const set of this.deletedSeen.values()) if (set.has(text)) return true;
    return (this.children.get(text) ?? []).some((child) => this.covered(child, depth + 1));
  }

  checkEnd(): void {
    for (const text of this.parent.keys())
      if (!this.covered(text)) this.violations.push(`"${text}" never reached the server`);
  }
}
