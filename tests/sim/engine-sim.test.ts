// The sync engine's core over thousands of seeded histories (sim-world.ts): no emulators. SIM_SEEDS
// sets how many (default 10,000); SIM_FIRST_SEED where to start.
import { describe, expect, it } from "vitest";
import { replayOf, runScenario, scenarioOf } from "./sim-world.js";

const seeds = Number(process.env.SIM_SEEDS ?? 10_000);
const first = Number(process.env.SIM_FIRST_SEED ?? 1);

describe("the sync engine, simulated", () => {
  it(`keeps every edit over ${seeds} seeds × 200 operations × 2–5 clients`, () => {
    const started = performance.now();
    let commits = 0;
    for (let seed = first; seed < first + seeds; seed++) {
      const scenario = scenarioOf(seed);
      const outcome = runScenario(scenario);
      commits += outcome.commits;
      if (outcome.violations.length > 0) expect.fail(replayOf(scenario));
    }
    console.log(`${seeds} seeds, ${commits} saves, ${Math.round(performance.now() - started)} ms`);
  }, 600_000);
});
