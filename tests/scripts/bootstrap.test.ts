// The emulator bootstrap must fail in one clear sentence and write a launcher Java accepts.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeLauncherJar } from "../../scripts/lib/launcher-jar.mjs";

const scratch = mkdtempSync(join(tmpdir(), "bootstrap-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function bootstrap(env: Record<string, string>) {
  return spawnSync(process.execPath, ["scripts/emulators.mjs", "exec", "true"], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
}

describe("scripts/emulators.mjs", () => {
  it("says how to install Java when there is none, in one line and without a stack trace", () => {
    const result = bootstrap({ PATH: scratch });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/Java is not installed.*apt-get install -y default-jre-headless/);
  });

  it("names a FIRESTORE_EMULATOR_JAR that does not exist", () => {
    const result = bootstrap({ FIRESTORE_EMULATOR_JAR: join(scratch, "missing.jar") });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("missing.jar, which does not exist");
  });
});

describe("the launcher JAR", () => {
  // Any JAR with a main class works as the target; firebase-tools' Firestore JAR is what we ship for.
  const gcloudJar =
    "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar";
  const target = process.env.FIRESTORE_EMULATOR_JAR ?? gcloudJar;

  const why = existsSync(target) ? "" : ` (skipped: no ${target} here; firebase-tools uses its own JAR)`;
  it.skipIf(why)(`starts the emulator's main class through \`java -jar\`${why}`, () => {
    const launcher = join(scratch, "launcher.jar");
    writeLauncherJar(launcher, target, "com.google.cloud.datastore.emulator.firestore.CloudFirestore");
    const result = spawnSync("java", ["-jar", launcher, "--help"], { encoding: "utf8", timeout: 30_000 });
    expect(`${result.stdout}${result.stderr}`).toContain("Usage: cloud-firestore-emulator");
  });
});
