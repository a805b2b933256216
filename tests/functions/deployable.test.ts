// `firebase deploy` uploads functions/ alone: the bundle may import only what functions/package.json
// declares, and Cloud Build installs exactly functions/package-lock.json.
import { builtinModules } from "node:module";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

describe("functions/ deploys on its own", () => {
  const manifest = readJson("functions/package.json") as { dependencies: Record<string, string> };

  it("bundles everything but its declared dependencies and Node built-ins", () => {
    const bundle = readFileSync("functions/lib/index.js", "utf8");
    const specifiers = [
      ...bundle.matchAll(/^import [^;]*?from "([^"]+)"|\b(?:require|import)\("([^"]+)"\)/gm),
    ].map((m) => m[1] ?? m[2] ?? "");
    expect(specifiers.length).toBeGreaterThan(0);
    const packageOf = (s: string) =>
      s
        .split("/")
        .slice(0, s.startsWith("@") ? 2 : 1)
        .join("/");
    const outside = specifiers.filter(
      (s) =>
        !s.startsWith("node:") && !builtinModules.includes(s) && !(packageOf(s) in manifest.dependencies),
    );
    expect(outside).toEqual([]);
  });

  it("has a lockfile in step with its package.json (npm run lock:functions)", () => {
    const lock = readJson("functions/package-lock.json") as {
      packages: Record<string, { dependencies?: Record<string, string> }>;
    };
    expect(lock.packages[""]?.dependencies).toEqual(manifest.dependencies);
  });
});
