// The Firestore emulator's rules coverage, read as a stream: which expressions of firestore.rules
// were evaluated. The report records every value each expression saw, so after tests that store
// near-1 MiB documents it runs to hundreds of megabytes, more than V8 holds in one string; only the
// expressions' positions and whether they have values are kept here.
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
// Not ./emulators.js: importing that marks a file as one that uses the shared test project.
import { emulatorHosts } from "../../dev/emulators.js";

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

/**
 * Where the run's coverage waits for the gate: one JSON file per test file checkpoint, so files
 * running at the same time (vitest.config.ts) never write the same file.
 */
const COVERAGE_DIR = "reports/firestore-rules-coverage";

export const rulesCoverageGateOn = () => process.env.TALKSTUDIO_RULES_COVERAGE === "gate";

/**
 * The Firestore emulator projects this test file evaluates rules in: the shared test project once
 * tests/support/emulators.ts is imported, and each rules test environment's own project.
 */
const projectsInUse = new Set<string>();

export function recordRulesCoverageOf(projectId: string): void {
  projectsInUse.add(projectId);
}

const emulatorApi = (projectId: string) =>
  `http://${emulatorHosts.firestore}/emulator/v1/projects/${projectId}`;

function readMerged(): Map<string, RulesExpression> {
  const merged = new Map<string, RulesExpression>();
  if (!existsSync(COVERAGE_DIR)) return merged;
  for (const name of readdirSync(COVERAGE_DIR).filter((f) => f.endsWith(".json"))) {
    const part = JSON.parse(readFileSync(join(COVERAGE_DIR, name), "utf8")) as Record<
      string,
      RulesExpression
    >;
    for (const [key, expression] of Object.entries(part)) mergeInto(merged, key, expression);
  }
  return merged;
}

function mergeInto(merged: Map<string, RulesExpression>, key: string, expression: RulesExpression): void {
  const before = merged.get(key);
  merged.set(key, { ...expression, evaluated: expression.evaluated || before?.evaluated === true });
}

/**
 * After each test file: writes what it evaluated, in every project it used, for the gate, then
 * reloads the same rules there, which starts the emulator's report afresh. Without the reload the
 * report grows with every file (it keeps each value seen, near-1 MiB documents included) until it
 * cannot be served.
 */
export async function checkpointRulesCoverage(): Promise<void> {
  if (projectsInUse.size === 0) return;
  const evaluated = new Map<string, RulesExpression>();
  for (const projectId of projectsInUse) {
    const response = await fetch(`${emulatorApi(projectId)}:ruleCoverage`);
    if (!response.ok || !response.body)
      throw new Error(`Rules coverage: the emulator answered ${response.status}.`);
    for (const [key, expression] of await readRulesCoverage(response.body))
      mergeInto(evaluated, key, expression);
  }
  mkdirSync(COVERAGE_DIR, { recursive: true });
  writeFileSync(
    join(COVERAGE_DIR, `${process.pid}-${randomUUID()}.json`),
    JSON.stringify(Object.fromEntries(evaluated)),
  );
  await reloadRules();
}

/** Loads the same rules again in every project in use: the emulator starts its report afresh. */
async function reloadRules(): Promise<void> {
  const rules = { files: [{ name: "firestore.rules", content: readFileSync("firestore.rules", "utf8") }] };
  for (const projectId of projectsInUse) {
    const reload = await fetch(`${emulatorApi(projectId)}:securityRules`, {
      method: "PUT",
      body: JSON.stringify({ rules }),
    });
    if (!reload.ok) throw new Error(`Rules coverage: reloading the rules answered ${reload.status}.`);
  }
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

/** Called once before a run: forgets an earlier run's coverage. */
export function startRulesCoverage(): void {
  rmSync(COVERAGE_DIR, { recursive: true, force: true });
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
