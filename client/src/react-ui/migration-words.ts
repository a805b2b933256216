// Why the migration refused a project, in words: a validation issue's path (`conversation.messages.
// 12.text`) as "13번째 메시지의 글" and its rule as the limit it broke.
import type { ValidationIssue } from "../schema/index.js";
import type { Strings } from "./strings-ko.js";

function whereOf(path: string, t: Strings): string {
  const parts = path.split(".");
  const list = parts[0] === "conversation" ? parts.slice(1) : parts;
  const [head, index, field] = list;
  const fieldName = field ? (t.migration.fields[field] ?? t.migration.whereOther) : undefined;
  const at = (name: string) => (fieldName ? `${name} · ${fieldName}` : name);
  if (head === "messages" && index !== undefined && /^\d+$/.test(index))
    return at(t.migration.whereMessage(Number(index) + 1));
  if (head === "authors" && index !== undefined && /^\d+$/.test(index))
    return at(t.migration.whereAuthor(Number(index) + 1));
  if (head === "messages") return t.migration.whereMessages;
  if (head === "authors") return t.migration.whereAuthors;
  if (head === "title") return t.migration.whereTitle;
  return t.migration.whereOther;
}

function whatOf(message: string, t: Strings): string {
  const tooBig = /at most (\d+)( characters| items)?/.exec(message);
  if (tooBig) {
    const max = Number(tooBig[1]);
    return tooBig[2] === " items" ? t.migration.tooManyItems(max) : t.migration.tooManyChars(max);
  }
  return t.migration.malformed;
}

export const issueWords = (issue: ValidationIssue, t: Strings) =>
  t.migration.issue(whereOf(issue.path, t), whatOf(issue.message, t));
