import { documentId, getDoc, getDocs, query, where } from "firebase/firestore";
import type * as z from "zod/mini";
import { TalkStudioError, typedErrors, type ErrorKind } from "../talkstudio-error.js";
import type { ImportOrigin } from "../conversations/records.js";
import { conversationsOf, throttleRef } from "../conversations/refs.js";
import { requireUid } from "../require-uid.js";
import type { TalkStudio } from "../firebase.js";
import {
  conversationData,
  issuesOf,
  LIMITS,
  type ConversationData,
  type ImportSource,
  type ValidationIssue,
} from "../schema/index.js";
import {
  projectCandidates,
  readStorage,
  type Candidate,
  type ReadableStorage,
  type UnreadableKey,
} from "./read-storage.js";
import { importThroughFunction } from "./import-callable.js";
import { importBatch, inParallel, MAX_IMPORT_BATCH, type ReadyImport } from "./write-imports.js";

export interface MigratedProject {
  readonly source: ImportSource;
  /** How LocalStorage knows the project: its id, or in the older format its name. */
  readonly key: string;
  readonly conversationId: string;
  readonly title: string;
}
export type SkipReason = "already-imported" | "duplicate" | "invalid" | "over-limit" | "unreadable";
export interface SkippedProject extends MigratedProject {
  readonly reason: SkipReason;
  readonly detail: string;
  readonly issues?: readonly ValidationIssue[];
}
/** A write that did not happen; running the migration again retries it. */
export interface FailedProject extends MigratedProject {
  readonly kind: ErrorKind;
  readonly detail: string;
}
export interface MigrationResult {
  readonly imported: MigratedProject[];
  readonly skipped: SkippedProject[];
  readonly failed: FailedProject[];
}
export interface MigrationProgress {
  readonly total: number;
  readonly done: number;
  readonly imported: number;
  readonly skipped: number;
  readonly failed: number;
}
export interface MigrationOptions {
  /** Called once everything is sorted out, then after every request or batch written. */
  readonly onProgress?: (progress: MigrationProgress) => void;
  /**
   * "function" (default): every project in one or two importConversations requests, written
   * server-side in bulk. "client": batched writes through the rules, a few conversations each
   * (for a backend without the function; the benchmark's baseline).
   */
  readonly via?: "function" | "client";
  /** With via "client": conversations per batched write, 1 to MAX_IMPORT_BATCH (the default). */
  readonly batchSize?: number;
  /** With via "client": batches in flight at once; default 4. */
  readonly parallelBatches?: number;
}

/** Project times must not be ahead of the server's clock (rules); allow for a fast local clock. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Firestore's limit on values in an `in` filter. */
const IN_FILTER_MAX = 30;

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

function describe(candidate: Candidate): MigratedProject {
  const { source, key, conversationId, title } = candidate;
  return { source, key, conversationId, title };
}

/** Which of these conversation ids exist already (an earlier or interrupted run wrote them). */
async function existingIds(ts: TalkStudio, uid: string, ids: readonly string[]): Promise<Set<string>> {
  const pages = await Promise.all(
    chunks(ids, IN_FILTER_MAX).map((chunk) =>
      getDocs(query(conversationsOf(ts, uid), where(documentId(), "in", chunk))),
    ),
  );
  return new Set(pages.flatMap((page) => page.docs.map((d) => d.id)));
}

async function remainingImportBudget(ts: TalkStudio, uid: string): Promise<number> {
  const spent: unknown = (await getDoc(throttleRef(ts, uid, "conversationImports"))).get("count");
  return LIMITS.importedConversationsPerUser - (typeof spent === "number" ? spent : 0);
}

function skipReasonOf(error: z.core.$ZodError): SkipReason {
  // The schema's size refinements are "custom" issues; every other limit is "too_big".
  return error.issues.some((i) => i.code === "too_big" || i.code === "custom") ? "over-limit" : "invalid";
}

function originOf(candidate: Candidate, now: Date): ImportOrigin {
  const latest = new Date(now.getTime() - CLOCK_SKEW_MS);
  const updated = candidate.projectUpdatedAt > latest ? latest : candidate.projectUpdatedAt;
  const created = candidate.projectCreatedAt > updated ? updated : candidate.projectCreatedAt;
  return { importedFrom: candidate.source, projectCreatedAt: created, projectUpdatedAt: updated };
}

interface ValidProject {
  readonly candidate: Candidate;
  readonly data: ConversationData;
}

/** Drops repeats and whatever fails the schema (reported in `skipped`); returns the rest, parsed. */
function validated(candidates: readonly Candidate[], skipped: SkippedProject[]): ValidProject[] {
  const seen = new Set<string>();
  const valid: ValidProject[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.conversationId)) {
      skipped.push({
        ...describe(candidate),
        reason: "duplicate",
        detail: "The same project appears twice.",
      });
      continue;
    }
    seen.add(candidate.conversationId);
    const parsed = conversationData.safeParse(candidate.data);
    if (parsed.success) {
      valid.push({ candidate, data: parsed.data });
    } else {
      const issues = issuesOf(parsed.error);
      const detail = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
      skipped.push({ ...describe(candidate), reason: skipReasonOf(parsed.error), detail, issues });
    }
  }
  return valid;
}

const BUDGET_USED_UP = `The import budget of ${LIMITS.importedConversationsPerUser} conversations is used up.`;
type Planned = { project: MigratedProject; write: ReadyImport }[];

/** What is left to write: not already there (skipped) and within the import budget (else failed). */
function planWrites(
  valid: readonly ValidProject[],
  existing: ReadonlySet<string>,
  budget: number,
  result: MigrationResult,
  now: Date,
): Planned {
  const ready: Planned = [];
  for (const { candidate, data } of valid) {
    const project = describe(candidate);
    const there = [candidate.conversationId, ...candidate.earlierIds].find((id) => existing.has(id));
    if (there !== undefined) {
      result.skipped.push({
        ...project,
        conversationId: there,
        reason: "already-imported",
        detail: "Imported by an earlier run.",
      });
    } else if (ready.length >= budget) {
      result.failed.push({ ...project, kind: "rate-limited", detail: BUDGET_USED_UP });
    } else {
      const origin = originOf(candidate, now);
      ready.push({ project, write: { conversationId: candidate.conversationId, data, origin } });
    }
  }
  return ready;
}

/** Writes through the rules, in batches of `batchSize`. */
async function writeFromClient(
  ts: TalkStudio,
  uid: string,
  ready: Planned,
  options: MigrationOptions,
  result: MigrationResult,
  report: () => void,
) {
  const batchSize = Math.min(
    Math.max(1, Math.floor(options.batchSize ?? MAX_IMPORT_BATCH)),
    MAX_IMPORT_BATCH,
  );
  await inParallel(chunks(ready, batchSize), options.parallelBatches ?? 4, async (batch) => {
    const outcomes = await importBatch(
      ts,
      uid,
      batch.map((b) => b.write),
    );
    batch.forEach(({ project }, i) => {
      const error = outcomes[i];
      if (error) result.failed.push({ ...project, kind: error.kind, detail: error.message });
      else result.imported.push(project);
    });
    report();
  });
}

/** Writes through the importConversations callable; each project's report as its request answers. */
async function writeThroughFunction(
  ts: TalkStudio,
  ready: Planned,
  result: MigrationResult,
  report: () => void,
) {
  const byId = new Map(ready.map((r) => [r.write.conversationId, r.project]));
  await importThroughFunction(
    ts,
    ready.map((r) => r.write),
    (outcomes) => {
      for (const [id, outcome] of outcomes) {
        const project = byId.get(id);
        if (!project) continue;
        switch (outcome.outcome) {
          case "imported":
            result.imported.push(project);
            break;
          case "already-imported":
            result.skipped.push({
              ...project,
              reason: "already-imported",
              detail: "Imported by another run.",
            });
            break;
          case "over-budget":
            result.failed.push({ ...project, kind: "rate-limited", detail: BUDGET_USED_UP });
            break;
          case "failed":
            result.failed.push({ ...project, kind: outcome.error.kind, detail: outcome.error.message });
        }
      }
      report();
    },
  );
}

/** Sorts out and writes found projects: the part both entries share. */
async function importCandidates(
  ts: TalkStudio,
  found: { candidates: readonly Candidate[]; unreadable: readonly UnreadableKey[] },
  options: MigrationOptions,
  now: Date,
): Promise<MigrationResult> {
  const uid = requireUid(ts);
  const viaClient = options.via === "client";
  const result: MigrationResult = { imported: [], skipped: [], failed: [] };
  const total = found.candidates.length + found.unreadable.length;
  const report = () =>
    options.onProgress?.({
      total,
      done: result.imported.length + result.skipped.length + result.failed.length,
      imported: result.imported.length,
      skipped: result.skipped.length,
      failed: result.failed.length,
    });

  for (const { source, detail } of found.unreadable) {
    result.skipped.push({ source, key: source, conversationId: "", title: "", reason: "unreadable", detail });
  }
  const valid = validated(found.candidates, result.skipped);
  const existing = await existingIds(
    ts,
    uid,
    valid.flatMap((v) => [v.candidate.conversationId, ...v.candidate.earlierIds]),
  );
  // The function spends the budget itself, in a transaction.
  const budget = viaClient ? await remainingImportBudget(ts, uid) : Number.POSITIVE_INFINITY;
  const ready = planWrites(valid, existing, budget, result, now);
  report();
  if (viaClient) await writeFromClient(ts, uid, ready, options, result, report);
  else await writeThroughFunction(ts, ready, result, report);
  return result;
}

/**
 * Imports what the SPA kept in LocalStorage (`talkstudio_projects` and the older
 * `talkstudio_conversations`) into the signed-in user's conversations. Safe to run again: ids are
 * derived from the LocalStorage keys, so what is already there is skipped and an interrupted run
 * resumes. Nothing that fits is cut down; what does not fit is reported. LocalStorage is only read.
 */
export function migrateLocalStorage(
  ts: TalkStudio,
  storage: ReadableStorage,
  options: MigrationOptions = {},
): Promise<MigrationResult> {
  return typedErrors(async () => {
    requireUid(ts);
    const now = new Date();
    return importCandidates(ts, await readStorage(storage, now), options, now);
  });
}

/**
 * Imports project objects already read by the caller, in the SPA's current shape: from its
 * IndexedDB store (`src/utils/idb-storage.js`), an exported JSON file, or LocalStorage parsed
 * elsewhere. Same report, ids and idempotence as migrateLocalStorage: a project imported either way
 * is imported once.
 */
export function importProjects(
  ts: TalkStudio,
  projects: readonly unknown[],
  options: MigrationOptions = {},
): Promise<MigrationResult> {
  return typedErrors(async () => {
    requireUid(ts);
    if (!Array.isArray(projects))
      throw new TalkStudioError("invalid", "importProjects takes an array of projects.");
    const now = new Date();
    return importCandidates(
      ts,
      { candidates: await projectCandidates(projects, now), unreadable: [] },
      options,
      now,
    );
  });
}
