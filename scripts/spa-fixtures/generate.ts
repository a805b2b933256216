// Generates tests/fixtures/spa/*.json from the SPA's own code: bundles its store, storage,
// sanitizer, time helpers and Excel parser from a local copy (nothing of it enters this repository),
// drives them the way people use the editor, the AI generator and the Excel import, and writes the
// LocalStorage they leave. Usage:
//   npx tsx scripts/spa-fixtures/generate.ts <path to the SPA's files> [--commit <sha>]
// The path is a checkout, or `git archive HEAD src package.json | tar -x` of one (then pass --commit).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const cache = join(root, ".cache/spa-fixtures");
const out = join(root, "tests/fixtures/spa");

function usage(message: string): never {
  console.error(`${message}\nusage: npx tsx scripts/spa-fixtures/generate.ts <spa path> [--commit <sha>]`);
  process.exit(2);
}

const [spaArg, ...rest] = process.argv.slice(2);
if (!spaArg) usage("Give the path of a local copy of the SPA.");
const spa = resolve(spaArg);
if (!existsSync(join(spa, "src/store/useChatStore.js"))) usage(`${spa} has no src/store/useChatStore.js.`);
const commitFlag = rest.indexOf("--commit");
const commit =
  commitFlag >= 0
    ? rest[commitFlag + 1]
    : existsSync(join(spa, ".git"))
      ? execFileSync("git", ["-C", spa, "rev-parse", "HEAD"], { encoding: "utf8" }).trim()
      : undefined;
if (!commit || !/^[0-9a-f]{40}$/.test(commit)) usage("Say which SPA commit this is: --commit <40-hex sha>.");

// The runtime dependencies these modules import (zustand needs react), at the versions it asks for.
const spaPackage = JSON.parse(readFileSync(join(spa, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
};
const deps = ["zustand", "react", "exceljs"].map(
  (name) => `${name}@${spaPackage.dependencies[name] ?? "latest"}`,
);
mkdirSync(cache, { recursive: true });
console.log(`Installing ${deps.join(", ")} into ${cache} …`);
execFileSync(
  "npm",
  ["install", "--prefix", cache, "--no-save", "--no-audit", "--no-fund", "--ignore-scripts", ...deps],
  { stdio: "inherit" },
);

const bundle = join(cache, "drive.bundle.mjs");
await build({
  entryPoints: [join(here, "drive.mjs")],
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: bundle,
  alias: { "@spa": join(spa, "src") },
  nodePaths: [join(cache, "node_modules")],
  logLevel: "warning",
  // exceljs is CommonJS with dynamic requires; bundling it for ESM needs `require`.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
});

// A Korean browser: the SPA formats times in the local zone.
const printed = execFileSync(process.execPath, [bundle], {
  encoding: "utf8",
  env: { ...process.env, TZ: "Asia/Seoul" },
  maxBuffer: 256 * 1024 * 1024,
});
const scenarios = JSON.parse(printed) as {
  name: string;
  description: string;
  localStorage: Record<string, string>;
}[];
mkdirSync(out, { recursive: true });
for (const scenario of scenarios) {
  const file = join(out, `${scenario.name}.json`);
  const localStorage = Object.fromEntries(
    Object.entries(scenario.localStorage).map(([key, value]) => [key, JSON.parse(value) as unknown]),
  );
  const fixture = { spaCommit: commit, description: scenario.description, localStorage };
  writeFileSync(file, `${JSON.stringify(fixture, null, 1)}\n`);
  console.log(`wrote ${file}`);
}
