// Client size: what the SPA ships for our client module, against importing the same Firebase SDK
// features directly. Two uses: the full client (every export) and the share viewer, which needs only
// `firebase/firestore/lite` and `@talkstudio/client/viewer`. Bundled with esbuild (minified,
// browser, ESM, tree-shaken) and gzipped; no emulator needed.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const clientSrc = join(root, "client", "src");

/** Every `.ts` file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The Firebase SDK names `files` import for use (not types), by module: the features they need. */
function firebaseImports(files: string[]): Map<string, Set<string>> {
  const features = new Map<string, Set<string>>();
  const statement = /import\s+(?!type\b)\{([^}]*)\}\s+from\s+"(firebase\/[^"]+)"/g;
  for (const file of files) {
    for (const [, names = "", module = ""] of readFileSync(file, "utf8").matchAll(statement)) {
      const used = names
        .split(",")
        .map((name) => name.trim())
        .filter((name) => name !== "" && !name.startsWith("type "))
        .map((name) => name.split(/\s+as\s+/)[0]!);
      const set = features.get(module) ?? new Set<string>();
      for (const name of used) set.add(name);
      features.set(module, set);
    }
  }
  return features;
}

/** Minified and gzipped bytes of an entry written as source. */
async function gzippedBytes(contents: string): Promise<number> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

const reExports = (features: Map<string, Set<string>>) =>
  [...features].map(([module, names]) => `export { ${[...names].join(", ")} } from "${module}";`).join("\n");

interface ClientSize {
  use: string;
  oursBytes: number;
  sdkBytes: number;
  ratio: number;
}

/** Both uses; what each app calls itself (`initializeApp`, the viewer's `getFirestore`) is on both sides. */
export async function benchClientSize(): Promise<ClientSize[]> {
  const viewerFile = join(clientSrc, "viewer", "read-public-share.ts");
  const uses: { use: string; files: string[]; entry: string; alsoUsed: Record<string, string[]> }[] = [
    {
      use: "full client (every export)",
      files: sources(clientSrc).filter((file) => file !== viewerFile),
      entry: `export * from "./${relative(root, join(clientSrc, "index.ts"))}";`,
      alsoUsed: {},
    },
    {
      use: "share viewer (firestore/lite)",
      files: [viewerFile],
      entry: `export { readPublicShare } from "./${relative(root, viewerFile)}";\nexport { getFirestore } from "firebase/firestore/lite";`,
      alsoUsed: { "firebase/firestore/lite": ["getFirestore"] },
    },
  ];
  const sizes: ClientSize[] = [];
  for (const { use, files, entry, alsoUsed } of uses) {
    const features = firebaseImports(files);
    for (const [module, names] of Object.entries({ ...alsoUsed, "firebase/app": ["initializeApp"] })) {
      features.set(module, new Set([...(features.get(module) ?? []), ...names]));
    }
    const appEntry = `export { initializeApp } from "firebase/app";`;
    const oursBytes = await gzippedBytes(`${entry}\n${appEntry}`);
    const sdkBytes = await gzippedBytes(reExports(features));
    sizes.push({ use, oursBytes, sdkBytes, ratio: oursBytes / sdkBytes });
  }
  return sizes;
}
