// `firebase deploy` uploads functions/ alone: the bundle may import only what functions/package.json
// declares, and Cloud Build installs exactly functions/package-lock.json.
import { builtinModules } from "node:module";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { WORKER_LIMITS } from "../../functions/src/share-page/card/card-limits.js";
import { createRendererPool } from "../../functions/src/share-page/card/pool.js";
import { conversationData } from "../support/conversation-data.js";

const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

describe("functions/ deploys on its own", () => {
  const manifest = readJson("functions/package.json") as { dependencies: Record<string, string> };

  const chunks = readdirSync("functions/lib/chunks").filter((f) => f.endsWith(".js"));
  const bundle = [
    readFileSync("functions/lib/index.js", "utf8"),
    readFileSync("functions/lib/card-worker.js", "utf8"),
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

  it("keeps the card renderer (satori, resvg) in the render worker, its own entry", () => {
    const entry = [
      readFileSync("functions/lib/index.js", "utf8"),
      ...chunks.map((f) => readFileSync(`functions/lib/chunks/${f}`, "utf8")),
    ].join("\n");
    expect(entry).not.toMatch(/@resvg\/resvg-js|yoga|satori/);
    expect(entry).toContain('"card-worker.js"'); // the name card/pool.ts forks, beside the bundle
    expect(readFileSync("functions/lib/card-worker.js", "utf8")).toContain("@resvg/resvg-js");
    expect(existsSync("functions/lib/assets/fonts/Pretendard-Regular.otf")).toBe(true);
    expect(existsSync("functions/lib/assets/twemoji/1f600.svg")).toBe(true);
  });

  it("renders with the bundled worker and the assets beside it", async () => {
    const pool = createRendererPool({
      worker: { path: "functions/lib/card-worker.js", execArgv: [] },
      heapMb: WORKER_LIMITS.heapMb,
    });
    try {
      const png = await pool.render({ kind: "card", data: conversationData(3) }, 30_000);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    } finally {
      pool.close();
    }
  }, 60_000);

  it("has a lockfile in step with its package.json (npm run lock:functions)", () => {
    const lock = readJson("functions/package-lock.json") as {
      packages: Record<string, { dependencies?: Record<string, string> }>;
    };
    expect(lock.packages[""]?.dependencies).toEqual(manifest.dependencies);
  });
});
