// Bundles src/ (and the shared schema from ../client/src) into lib/, so the deployed folder needs
// only its own package.json's dependencies. The card renderer (satori, resvg, fonts, emoji) runs only
// in the render worker, a child process started on the first render: no function loads it itself.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));

rmSync("lib", { recursive: true, force: true });
await build({
  // The render worker is its own entry: a child process forks lib/card-worker.js (card/pool.ts).
  entryPoints: { index: "src/index.ts", "card-worker": "src/share-page/card/worker.ts" },
  outdir: "lib",
  bundle: true,
  splitting: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  chunkNames: "chunks/[name]-[hash]",
  // resvg-js is a native module: Cloud Build installs its Linux binary from package.json.
  external: [
    "firebase-functions",
    "firebase-functions/*",
    "firebase-admin",
    "firebase-admin/*",
    "@resvg/resvg-js",
  ],
  // CommonJS inside the ESM bundle (satori's dependencies) may call require.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: "warning",
});

// The card's fonts and emoji artwork, copied from their npm packages (OFL-1.1 and CC-BY 4.0).
const assets = "lib/assets";
mkdirSync(`${assets}/fonts`, { recursive: true });
for (const weight of ["Regular", "Bold"]) {
  cpSync(
    join(packageDir("pretendard"), `dist/public/static/Pretendard-${weight}.otf`),
    `${assets}/fonts/Pretendard-${weight}.otf`,
  );
}
cpSync(join(packageDir("@twemoji/svg"), "."), `${assets}/twemoji`, {
  recursive: true,
  filter: (source) => !source.endsWith(".json") && !source.endsWith(".md"),
});
