// Bundles src/ (and the shared schema from ../client/src) into lib/index.js, so the deployed
// folder needs only firebase-functions and firebase-admin from its own package.json.
import { build } from "esbuild";

await build({
  entryPoints: ["src/index.ts"],
  outfile: "lib/index.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  external: ["firebase-functions", "firebase-functions/*", "firebase-admin", "firebase-admin/*"],
  logLevel: "warning",
});
