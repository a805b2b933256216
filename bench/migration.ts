// Migrating 500 projects: migrateLocalStorage (one or two importConversations requests, written
// server-side in bulk) vs the seed design's approach of one awaited create per project in sequence
// (the client's rules-checked path with batch size 1, 1 in flight: same documents, same rules), and
// the client's own batches (6 a batch, 4 in flight) to watch.
import { performance } from "node:perf_hooks";
import { migrateLocalStorage, type MigrationOptions } from "../client/src/index.js";
import { localStorageWith } from "./local-storage-projects.js";
import { newUser } from "./users.js";

/** Where the client reaches Firestore and Functions: the emulators themselves or latency proxies. */
export interface BenchPorts {
  readonly firestore?: number;
  readonly functions?: number;
}

async function timedMigration(
  projects: number,
  options: MigrationOptions,
  ports: BenchPorts,
): Promise<number> {
  const ts = await newUser(ports.firestore, ports.functions);
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

/** All three ways, on the same emulators, through `ports`. */
export async function benchMigration(projects: number, ports: BenchPorts = {}) {
  const oneByOne = { via: "client", batchSize: 1, parallelBatches: 1 } as const;
  const clientBatches = { via: "client" } as const;
  // Warm-up: JIT, the emulator's rules compilation, the function's first (cold) request.
  for (const options of [{}, clientBatches, oneByOne]) await timedMigration(20, options, ports);
  const baselineMs = await timedMigration(projects, oneByOne, ports);
  const clientBatchesMs = await timedMigration(projects, clientBatches, ports);
  const ourMs = await timedMigration(projects, {}, ports);
  return { projects, baselineMs, clientBatchesMs, ourMs, speedup: baselineMs / ourMs };
}
