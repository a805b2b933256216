// `firebase deploy` uploads functions/ alone: the bundle may import only what functions/package.json
// declares, and Cloud Build installs exactly functions/package-lock.json.
import { builtinModules } from "node:module";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

describe("functions/ deploys on its own", () => {
  const manifest = readJson("functions/package.json") as { dependencies: Record<string, string> };

  const chunks = readdirSync("functions/lib/chunks").filter((f) => f.endsWith(".js"));
  const bundle = [
    readFileSync("functions/lib/index.js", "utf8"),
    ...chunks.map((f) => readFileSync(`functions/lib/chunks/${f}`, "utf8")),
  ].join("\n");

  it("bundles everything but its declared dependencies, Node built-ins and its own chunks", () => {
    const specifiers = [
      ...bundle.matchAll(/^import [^;]*?from "([^"]+)"|\b(?:require|import)\("([^"]+)"\)/gm),
    ]
      .map((m) => m[1] ?? m[2] ?? "")
      .filter((s) => !/^\.\.?\/(chunks\/)?[\w-]+\.js$/.test(s));
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

  it("keeps the card renderer (satori, resvg) out of the entry bundle every function loads", () => {
    const entry = readFileSync("functions/lib/index.js", "utf8");
    expect(entry).not.toMatch(/@resvg\/resvg-js|yoga|satori/);
    expect(bundle).toContain("@resvg/resvg-js");
    expect(existsSync("functions/lib/assets/fonts/Pretendard-Regular.otf")).toBe(true);
    expect(existsSync("functions/lib/assets/twemoji/1f600.svg")).toBe(true);
  });

  it("has a lockfile in step with its package.json (npm run lock:functions)", () => {
    const lock = readJson("functions/package-lock.json") as {
      packages: Record<string, { dependencies?: Record<string, string> }>;
    };
    expect(lock.packages[""]?.dependencies).toEqual(manifest.dependencies);
  });
});
