// A short fingerprint of a conversation's data: what an editor keeps beside its own copy when that
// copy is synced, so after a reload it can tell whether anything was edited since (docs/react.md).
import { conversationDataOf, type ConversationData } from "../schema/index.js";

/** A copy that was on the server: its revision and `conversationDigest`. */
export interface SyncedMark {
  readonly revision: number;
  readonly digest: string;
}

/**
 * JSON with every object's keys sorted: equal data, equal text, whatever order a store keeps.
 * Messages' `editedBy` marks are left out: the engine adds them to its own saves, the editor's copy
 * does not have them.
 */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, item]) => item !== undefined && key !== "editedBy")
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * 64 bits (two 32-bit FNV-1a passes with different seeds) of the data's canonical JSON, as 16 hex
 * digits. Not a security measure: it only tells an edited copy from the synced one.
 */
export function conversationDigest(data: ConversationData): string {
  const text = canonical(conversationDataOf(data));
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x5bd1e995);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return hex(a) + hex(b);
}
