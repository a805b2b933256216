// The Firestore emulator's rules coverage, read as a stream: which expressions of firestore.rules
// were evaluated. The report records every value each expression saw, so after tests that store
// near-1 MiB documents it runs to hundreds of megabytes, more than V8 holds in one string; only the
// expressions' positions and whether they have values are kept here.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { firestoreEmulatorApi } from "./emulators.js";

interface RulesExpression {
  line: number;
  column: number;
  evaluated: boolean;
}

const NODE =
  /"sourcePosition"\s*:\s*\{\s*"line"\s*:\s*(\d+)\s*,\s*"column"\s*:\s*(\d+)\s*,\s*"currentOffset"\s*:\s*(\d+)\s*,\s*"endOffset"\s*:\s*(\d+)\s*\}\s*(,\s*"values")?/g;
/** Longer than any NODE match: a match cut by a chunk boundary is found whole in the next round. */
const CARRY = 256;

/**
 * Every expression the report lists, keyed by its source span. A position cannot appear inside a
 * value: values are JSON strings there, whose quotes are escaped.
 */
export async function readRulesCoverage(
  body: ReadableStream<Uint8Array>,
): Promise<Map<string, RulesExpression>> {
  const expressions = new Map<string, RulesExpression>();
  const decoder = new TextDecoder();
  let buffer = "";
  const scan = (final: boolean) => {
    const limit = final ? buffer.length : buffer.length - CARRY;
    let keepFrom = Math.max(0, limit);
    for (const match of buffer.matchAll(NODE)) {
      const end = match.index + match[0].length;
      if (end > limit) {
        keepFrom = Math.min(keepFrom, match.index);
        break;
      }
      const [, line = "0", column = "0", from = "", to = "", values] = match;
      const key = `${from}-${to}`;
      const evaluated = values !== undefined || expressions.get(key)?.evaluated === true;
      expressions.set(key, { line: Number(line), column: Number(column), evaluated });
    }
    buffer = buffer.slice(keepFrom);
  };
  const reader = body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    buffer += decoder.decode(read.value, { stream: true });
    if (buffer.length > 4 * CARRY) scan(false);
  }
  buffer += decoder.decode();
  scan(true);
  return expressions;
}

// ---- The gate: `npm test` sets TALKSTUDIO_RULES_COVERAGE=gate; targeted runs collect nothing. ----

/** Where the run's merged coverage waits between test files (each file runs in its own worker). */
const MERGED = "reports/firestore-rules-coverage.json";

export const rulesCoverageGateOn = () => process.env.TALKSTUDIO_RULES_COVERAGE === "gate";

function readMerged(): Map<string, RulesExpression> {
  if (!existsSync(MERGED)) return new Map();
  return new Map(Object.entries(JSON.parse(readFileSync(MERGED, "utf8")) as Record<string, RulesExpression>));
}

/**
 * After each test file: adds what it evaluated to the run's merged coverage, then reloads the same
 * rules, which starts the emulator's report afresh. Without the reload the report grows with every
 * file (it keeps each value seen, near-1 MiB documents included) until it cannot be served.
 */
export async function checkpointRulesCoverage(): Promise<void> {
  const response = await fetch(`${firestoreEmulatorApi()}:ruleCoverage`);
  if (!response.ok || !response.body)
    throw new Error(`Rules coverage: the emulator answered ${response.status}.`);
  const merged = readMerged();
  for (const [key, expression] of await readRulesCoverage(response.body)) {
    const before = merged.get(key);
    merged.set(key, { ...expression, evaluated: expression.evaluated || before?.evaluated === true });
  }
  mkdirSync(dirname(MERGED), { recursive: true });
  writeFileSync(MERGED, JSON.stringify(Object.fromEntries(merged)));
  await reloadRules();
}

/** Loads the same rules again: the emulator starts its coverage report afresh. */
async function reloadRules(): Promise<void> {
  const rules = { files: [{ name: "firestore.rules", content: readFileSync("firestore.rules", "utf8") }] };
  const reload = await fetch(`${firestoreEmulatorApi()}:securityRules`, {
    method: "PUT",
    body: JSON.stringify({ rules }),
  });
  if (!reload.ok) throw new Error(`Rules coverage: reloading the rules answered ${reload.status}.`);
}

/**
 * Runs `work` with what it evaluates left out of the coverage: for tests that write near-1 MiB
 * documents, which the report would keep once for every expression that saw them (tens of seconds
 * for the emulator to serve and for us to read). What ran before is checkpointed first. Leaving
 * evaluations out can only make the gate stricter, never let an expression pass unevaluated.
 */
export async function withoutRulesCoverage<T>(work: () => Promise<T>): Promise<T> {
  if (!rulesCoverageGateOn()) return work();
  await checkpointRulesCoverage();
  try {
    return await work();
  } finally {
    await reloadRules();
  }
}

export function startRulesCoverage(): void {
  rmSync(MERGED, { force: true });
}

/**
 * The expressions of firestore.rules no test evaluated, as `firestore.rules:line:column`. The
 * emulator records no values for the name in a call (`getAfter` of `getAfter(path)`); such a name,
 * like any leftmost part of an expression, ran whenever the expression that starts with it ran.
 */
export function unevaluatedRules(merged = readMerged()): { total: number; missing: string[] } {
  if (merged.size === 0) throw new Error("Rules coverage: no test file recorded any coverage.");
  const span = (key: string) => key.split("-").map(Number) as [number, number];
  const evaluatedEnds = new Map<number, number>();
  for (const [key, e] of merged) {
    const [from, to] = span(key);
    if (e.evaluated) evaluatedEnds.set(from, Math.max(to, evaluatedEnds.get(from) ?? 0));
  }
  const missing = [...merged]
    .filter(([key, e]) => !e.evaluated && (evaluatedEnds.get(span(key)[0]) ?? 0) <= span(key)[1])
    .map(([, e]) => e)
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map((e) => `firestore.rules:${e.line}:${e.column}`);
  return { total: merged.size, missing: [...new Set(missing)] };
}
