// Migrating 500 projects: batched, parallel migrateLocalStorage vs the seed design's approach of
// one awaited create per project in sequence (same documents, same rules, batch size 1, 1 in flight).
import { performance } from "node:perf_hooks";
import { migrateLocalStorage, type MigrationOptions } from "../client/src/index.js";
import { localStorageWith } from "./local-storage-projects.js";
import { newUser } from "./users.js";

async function timedMigration(
  projects: number,
  options: MigrationOptions,
  firestorePort?: number,
): Promise<number> {
  const ts = await newUser(firestorePort);
  const storage = localStorageWith(projects, 40);
  const start = performance.now();
  console.log(`  … ${projects} projects, ${JSON.stringify(options)}`);
  const result = await migrateLocalStorage(ts, storage, options);
  const ms = performance.now() - start;
  if (result.imported.length !== projects) {
    throw new Error(
      `expected ${projects} imported, got ${result.imported.length}: ${JSON.stringify(result.failed[0])}`,
    );
  }
  return ms;
}

/** Both ways, on the same emulator, through `firestorePort` (the emulator itself or the latency proxy). */
export async function benchMigration(projects: number, firestorePort?: number) {
  const oneByOne = { batchSize: 1, parallelBatches: 1 };
  await timedMigration(20, {}, firestorePort); // warm-up: JIT, emulator rules compilation
  await timedMigration(20, oneByOne, firestorePort);
  const baselineMs = await timedMigration(projects, oneByOne, firestorePort);
  const batchedMs = await timedMigration(projects, {}, firestorePort);
  return { projects, baselineMs, batchedMs, speedup: baselineMs / batchedMs };
}
