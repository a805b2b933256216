// Client size: what the SPA ships for our client module, against importing the same Firebase SDK
// features directly. Uses: the full client (every export), the SPA-shaped use (sign-in, sync, live
// list, shares; then with the migration and messageOf) and the share viewer (`firebase/firestore/lite` only). The SDK
// features of a use are read from the client files its bundle really contains. Bundled with esbuild
// (minified, browser, ESM, tree-shaken) and gzipped; no emulator needed. One more row: what loading
// the client on demand (`import()`) adds to an app's main chunk.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type BuildOptions } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const clientSrc = join(root, "client", "src");
const fromRoot = (file: string) => `./${relative(root, join(clientSrc, file))}`;

const bundling: BuildOptions = {
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  write: false,
  logLevel: "silent",
};

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

/** Minified and gzipped bytes of an entry written as source, and the client files it bundled. */
async function bundled(contents: string): Promise<{ bytes: number; clientFiles: string[] }> {
  const result = await build({
    ...bundling,
    stdin: { contents, resolveDir: root, loader: "ts", sourcefile: "entry.ts" },
    metafile: true,
  });
  // The files that left code in the output, not every file the import graph reached.
  const [output] = Object.values(result.metafile.outputs);
  const clientFiles = Object.entries(output!.inputs)
    .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
    .map(([input]) => join(root, input))
    .filter((file) => file.startsWith(clientSrc));
  return { bytes: gzipSync(result.outputFiles![0]!.contents, { level: 9 }).length, clientFiles };
}

const reExports = (features: Map<string, Set<string>>) =>
  [...features].map(([module, names]) => `export { ${[...names].join(", ")} } from "${module}";`).join("\n");

interface ClientSize {
  use: string;
  /** The ratio this use is held to, if any. */
  goal?: number;
  oursBytes: number;
  sdkBytes: number;
  ratio: number;
}

/** What the SPA's editor calls: sign-in, the sync engine, the live list, shares, its own shapes. */
const SPA_SHAPED_NAMES = [
  "createTalkStudio",
  "onUserChanged",
  "signInWithGoogle",
  "signOut",
  "createProjectSync",
  "watchConversations",
  "createConversation",
  "toConversationData",
  "toSpaProject",
  "createShare",
  "listShares",
  "revokeShare",
];
/** Also used by the SPA, but worth their own line: the first-contact migration and the error words. */
const SPA_EXTRA_NAMES = ["migrateLocalStorage", "messageOf"];

/** Each use; what each app calls itself (`initializeApp`, the viewer's `getFirestore`) is on both sides. */
export async function benchClientSize(): Promise<ClientSize[]> {
  const uses: { use: string; entry: string; alsoUsed: Record<string, string[]>; goal?: number }[] = [
    {
      use: "full client (every export)",
      entry: `export * from "${fromRoot("index.ts")}";`,
      alsoUsed: {},
    },
    {
      use: "SPA-shaped use (sign-in, sync, live list, shares)",
      entry: `export { ${SPA_SHAPED_NAMES.join(", ")} } from "${fromRoot("index.ts")}";`,
      alsoUsed: {},
      goal: 1.1,
    },
    {
      use: "SPA-shaped use + migration + messageOf (ko, en)",
      entry: `export { ${[...SPA_SHAPED_NAMES, ...SPA_EXTRA_NAMES].join(", ")} } from "${fromRoot("index.ts")}";`,
      alsoUsed: {},
    },
    {
      use: "share viewer (firestore/lite)",
      entry: `export { readPublicShare } from "${fromRoot("viewer/read-public-share.ts")}";\nexport { getFirestore } from "firebase/firestore/lite";`,
      alsoUsed: { "firebase/firestore/lite": ["getFirestore"] },
      goal: 1.1,
    },
  ];
  const appEntry = `export { initializeApp } from "firebase/app";`;
  const sizes: ClientSize[] = [];
  for (const { use, entry, alsoUsed, goal } of uses) {
    const ours = await bundled(`${entry}\n${appEntry}`);
    const features = firebaseImports(ours.clientFiles);
    for (const [module, names] of Object.entries({ ...alsoUsed, "firebase/app": ["initializeApp"] })) {
      features.set(module, new Set([...(features.get(module) ?? []), ...names]));
    }
    const sdk = await bundled(reExports(features));
    sizes.push({ use, goal, oursBytes: ours.bytes, sdkBytes: sdk.bytes, ratio: ours.bytes / sdk.bytes });
  }
  return sizes;
}

/** Gzipped bytes of the entry chunk of a code-split bundle of `contents`. */
async function mainChunkBytes(contents: string): Promise<number> {
  const outdir = mkdtempSync(join(tmpdir(), "talkstudio-chunks-"));
  try {
    const result = await build({
      ...bundling,
      stdin: { contents, resolveDir: root, loader: "ts", sourcefile: "main.ts" },
      splitting: true,
      outdir,
      entryNames: "main",
    });
    const main = result.outputFiles!.find((file) => file.path === join(outdir, "main.js"))!;
    return gzipSync(main.contents, { level: 9 }).length;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * What the on-demand pattern of docs/integrating-the-spa.md adds to an app's main chunk: an app that
 * opens the cloud with `import()` on first need, against the same app without it. The client and
 * Firebase land in their own chunks, loaded when the user first signs in.
 */
export async function benchOnDemandCost(): Promise<{ withBytes: number; withoutBytes: number }> {
  const app = (cloud: string) => `
    const state = { projects: [], status: "local" };
    export function render(target) { target.textContent = state.status + " " + state.projects.length; }
    export async function openCloud(config, project) { ${cloud} }`;
  const withBytes = await mainChunkBytes(
    app(`const [{ initializeApp }, c] = await Promise.all([import("firebase/app"), import("${fromRoot("index.ts")}")]);
      const ts = c.createTalkStudio(initializeApp(config));
      const sync = c.createProjectSync(ts, { ...project, onStatus: (s) => { state.status = s.state; } });
      return { ts, sync };`),
  );
  const withoutBytes = await mainChunkBytes(app(`return null;`));
  return { withBytes, withoutBytes };
}
