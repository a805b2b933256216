// Bundles src/ (and the shared schema from ../client/src) into lib/, so the deployed folder needs
// only its own package.json's dependencies. The card renderer (satori, fonts, emoji) is a separate
// chunk loaded on the first card request: no other function pays for it at cold start.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));

rmSync("lib", { recursive: true, force: true });
await build({
  entryPoints: ["src/index.ts"],
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
