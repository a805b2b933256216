// The SPA installs client/ as a package: pack it as npm would publish it and use the tarball from a
// fresh project, with only its declared dependencies beside it.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "talkstudio-consumer-"));
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", project], {
      cwd: join(root, "client"),
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }),
  ) as [{ filename: string }];
  const target = join(project, "node_modules", "@talkstudio", "client");
  mkdirSync(target, { recursive: true });
  execFileSync("tar", ["-xzf", join(project, packed[0].filename), "-C", target, "--strip-components=1"]);
  // The consumer's own copies of the peer and runtime dependencies (linked: no network here).
  for (const dep of ["firebase", "@firebase", "zod", "tslib", "idb"]) {
    symlinkSync(join(root, "node_modules", dep), join(project, "node_modules", dep));
  }
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "spa", type: "module", private: true }),
  );
}, 60_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("the packed client", () => {
  it("declares firebase as a peer dependency and ships ESM with types", () => {
    const manifest = JSON.parse(
      readFileSync(join(project, "node_modules/@talkstudio/client/package.json"), "utf8"),
    ) as { peerDependencies: Record<string, string>; dependencies?: Record<string, string> };
    expect(manifest.peerDependencies).toHaveProperty("firebase");
    expect(manifest.dependencies ?? {}).not.toHaveProperty("firebase");
  });

  it("imports in Node ESM from the tarball", () => {
    const out = execFileSync(
      "node",
      [
        "--input-type=module",
        "-e",
        `const c = await import("@talkstudio/client"); const s = await import("@talkstudio/client/schema");
         const v = await import("@talkstudio/client/viewer");
         console.log(typeof c.createTalkStudio, s.FUNCTIONS_REGION, typeof v.readPublicShare);`,
      ],
      { cwd: project, encoding: "utf8" },
    );
    expect(out.trim()).toBe("function asia-northeast3 function");
  });

  it("ships the React bindings with React as an optional peer, unused by the other entry points", () => {
    const manifest = JSON.parse(
      readFileSync(join(project, "node_modules/@talkstudio/client/package.json"), "utf8"),
    ) as { peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, object> };
    expect(manifest.peerDependencies).toHaveProperty("react");
    expect(manifest.peerDependenciesMeta).toEqual({ react: { optional: true } });
    // The test above imported every other entry point with no React installed; now install it.
    symlinkSync(join(root, "node_modules", "react"), join(project, "node_modules", "react"));
    const out = execFileSync(
      "node",
      [
        "--input-type=module",
        "-e",
        `const r = await import("@talkstudio/client/react"); console.log(Object.keys(r).sort().join(" "));`,
      ],
      { cwd: project, encoding: "utf8" },
    );
    expect(out.trim()).toBe(
      "TalkStudioProvider useCacheStatus useConversations useMembers usePresence useProjectSync useSession useSharedWithMe useShares useTalkStudio useVersions",
    );
  });

  it("type-checks a consumer against the shipped declarations", () => {
    writeFileSync(
      join(project, "app.ts"),
      `import { initializeApp } from "firebase/app";
       import { createTalkStudio, functionsOf, type TalkStudio } from "@talkstudio/client";
       const ts: TalkStudio = createTalkStudio(initializeApp({ projectId: "demo-x" }));
       export const region: string = functionsOf(ts).region;`,
    );
    // The options of a typical Vite + React tsconfig.
    const args = ["--noEmit", "--strict", "--skipLibCheck", "--target", "es2022", "--lib", "es2022,dom"];
    args.push("--module", "esnext", "--moduleResolution", "bundler", "app.ts");
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    const result = spawnSync("node", [tsc, ...args], { cwd: project, encoding: "utf8" });
    expect(result.stdout).toBe("");
    expect(result.status).toBe(0);
  });
});
