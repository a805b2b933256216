// ops/alerts and ops/uptime hold Cloud Monitoring's JSON formats; nothing checks them until someone
// applies them in an emergency, so this does: structure, and the seed design's thresholds.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HEALTH_PATH } from "../../functions/src/share-page/index.js";

/** The seed design's monitoring thresholds. */
const SEED = { latencyMs: 1000, errorRatio: 0.01, cpuUtilization: 0.8 };

interface Condition {
  displayName?: string;
  conditionThreshold?: {
    filter: string;
    aggregations?: { alignmentPeriod: string; perSeriesAligner: string }[];
    comparison: string;
    thresholdValue: number;
    duration: string;
  };
  conditionPrometheusQueryLanguage?: { query: string; duration: string; evaluationInterval?: string };
}
interface Policy {
  displayName?: string;
  documentation?: { content?: string; mimeType?: string };
  severity?: string;
  combiner?: string;
  conditions?: Condition[];
}

const dir = "ops/alerts";
const policies = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => [f, JSON.parse(readFileSync(`${dir}/${f}`, "utf8")) as Policy]),
);
const DURATION = /^\d+s$/;

describe("alert policies", () => {
  it.each(Object.entries(policies))("%s is a complete AlertPolicy", (_, policy) => {
    expect(policy.displayName).toMatch(/^TalkStudio: /);
    expect(policy.documentation?.content?.length).toBeGreaterThan(80);
    expect(policy.documentation?.mimeType).toBe("text/markdown");
    expect(["CRITICAL", "ERROR", "WARNING"]).toContain(policy.severity);
    expect(["AND", "OR"]).toContain(policy.combiner);
    expect(policy.conditions?.length).toBeGreaterThan(0);
    for (const condition of policy.conditions ?? []) {
      expect(condition.displayName).toBeTruthy();
      const kinds = Object.keys(condition).filter((k) => k.startsWith("condition"));
      expect(kinds).toHaveLength(1);
      const threshold = condition.conditionThreshold;
      if (threshold) {
        expect(threshold.filter).toMatch(/metric\.type = "[\w./]+"/);
        expect(["COMPARISON_GT", "COMPARISON_LT"]).toContain(threshold.comparison);
        expect(typeof threshold.thresholdValue).toBe("number");
        expect(threshold.duration).toMatch(DURATION);
        for (const a of threshold.aggregations ?? []) {
          expect(a.alignmentPeriod).toMatch(DURATION);
          expect(a.perSeriesAligner).toMatch(/^ALIGN_/);
        }
      }
      const promql = condition.conditionPrometheusQueryLanguage;
      if (promql) {
        expect(promql.duration).toMatch(DURATION);
        expect(promql.query).toMatch(/\S/);
      }
    }
  });

  const threshold = (file: string) => policies[file]?.conditions?.[0]?.conditionThreshold;
  it("holds the seed's thresholds", () => {
    expect(Object.keys(policies).sort()).toEqual([
      "cpu.json",
      "error-rate.json",
      "firestore-errors.json",
      "latency.json",
      "share-page-uptime.json",
    ]);
    expect(threshold("latency.json")).toMatchObject({
      thresholdValue: SEED.latencyMs,
      comparison: "COMPARISON_GT",
    });
    expect(threshold("latency.json")?.filter).toContain("run.googleapis.com/request_latencies");
    expect(policies["latency.json"]?.severity).toBe("WARNING");
    const errorQuery =
      policies["error-rate.json"]?.conditions?.[0]?.conditionPrometheusQueryLanguage?.query ?? "";
    expect(errorQuery).toMatch(/response_code_class="5xx"/);
    expect(Number(/>\s*([\d.]+)\s*$/.exec(errorQuery)?.[1])).toBe(SEED.errorRatio);
    expect(policies["error-rate.json"]?.severity).toBe("CRITICAL");
    expect(threshold("cpu.json")).toMatchObject({ thresholdValue: SEED.cpuUtilization });
    expect(policies["cpu.json"]?.severity).toBe("WARNING");
    expect(threshold("firestore-errors.json")?.filter).toContain("UNAVAILABLE");
    expect(policies["firestore-errors.json"]?.severity).toBe("CRITICAL");
  });

  it("watches the health route the share page really serves", () => {
    const uptime = JSON.parse(readFileSync("ops/uptime/share-page-health.json", "utf8")) as {
      httpCheck: { path: string };
      monitoredResource: { labels: { host: string } };
    };
    expect(uptime.httpCheck.path).toBe(HEALTH_PATH);
    expect(threshold("share-page-uptime.json")?.filter).toContain(
      `resource.label.host = "${uptime.monitoredResource.labels.host}"`,
    );
  });
});
