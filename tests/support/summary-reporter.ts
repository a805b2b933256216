import type { Reporter, TestModule } from "vitest/node";

const SLOWEST_SHOWN = 10;

/**
 * One plain closing line, `Tests: N passed, N failed, N skipped`, that any CI log reader
 * understands, after the slowest files: where to look when the suite nears CI's time budget.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed" || state === "failed") counts[state]++;
        else counts.skipped++;
      }
    }
    const slowest = [...testModules]
      .map((module) => ({ file: module.relativeModuleId, ms: module.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SLOWEST_SHOWN);
    if (slowest.length > 1) {
      console.log(
        `Slowest files: ${slowest.map((s) => `${s.file} ${(s.ms / 1000).toFixed(1)} s`).join(", ")}`,
      );
    }
    console.log(`Tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}
