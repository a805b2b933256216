// A setup file of every test file (vitest.config.ts): see checkpointRulesCoverage.
import { afterAll } from "vitest";
import { checkpointRulesCoverage, rulesCoverageGateOn } from "./rules-coverage.js";

if (rulesCoverageGateOn()) afterAll(checkpointRulesCoverage, 120_000);
