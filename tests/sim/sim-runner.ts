// Runs a range of seeds (sim-world.ts) and says which failed, with a shrunk replay of the first.
// Used by the CI test (in worker threads, one per core) and by `npm run sim` for long runs.
import { parentPort, workerData } from "node:worker_threads";
import { CI_FAULTS, replayOf, runScenario, scenarioOf } from "./sim-world.js";

export interface RangeResult {
  readonly seeds: number;
  readonly commits: number;
  readonly failed: readonly number[];
  /** The first failure's violations and shrunk plan. */
  readonly replay: string | null;
}

export function runRange(first: number, count: number): RangeResult {
  const failed: number[] = [];
  let commits = 0;
  let replay: string | null = null;
  for (let seed = first; seed < first + count; seed++) {
    const scenario = scenarioOf(seed, CI_FAULTS);
    const outcome = runScenario(scenario);
    commits += outcome.commits;
    if (outcome.violations.length === 0) continue;
    failed.push(seed);
    replay ??= replayOf(scenario);
  }
  return { seeds: count, commits, failed, replay };
}

if (parentPort && workerData) {
  const { first, count } = workerData as { first: number; count: number };
  parentPort.postMessage(runRange(first, count));
}
