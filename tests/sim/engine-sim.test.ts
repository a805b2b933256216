// The sync engine's core over thousands of seeded histories (sim-world.ts), one worker thread per
// core, no emulators. SIM_SEEDS sets how many (default 10,000), SIM_FIRST_SEED where to start,
// SIM_FAULTS=all adds the faults that find known limits (docs/conversations.md).
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import type { RangeResult } from "./sim-runner.js";

const seeds = Number(process.env.SIM_SEEDS ?? 10_000);
const first = Number(process.env.SIM_FIRST_SEED ?? 1);
const all = process.env.SIM_FAULTS === "all";

function range(start: number, count: number): Promise<RangeResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./sim-worker.mjs", import.meta.url), {
      workerData: { first: start, count, all },
    });
    worker.once("message", (result: RangeResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

describe("the sync engine, simulated", () => {
  it(`keeps every edit over ${seeds} seeds × 200 operations × 2–5 clients`, async () => {
    const started = performance.now();
    const workers = Math.max(1, Math.min(availableParallelism(), 4));
    const share = Math.ceil(seeds / workers);
    const results = await Promise.all(
      Array.from({ length: workers }, (_, i) =>
        range(first + i * share, Math.max(0, Math.min(share, seeds - i * share))),
      ),
    );
    const failed = results.flatMap((r) => r.failed);
    const commits = results.reduce((sum, r) => sum + r.commits, 0);
    console.log(
      `${seeds} seeds from ${first}, ${commits} saves, ${failed.length} failed, ${Math.round(performance.now() - started)} ms`,
    );
    expect(failed, results.find((r) => r.replay)?.replay ?? "").toEqual([]);
  }, 3_600_000);
});
