// Client size: what the SPA ships for our client module, against importing the same Firebase SDK
// features directly. Uses: the full client (every export), the SPA-shaped use (sign-in, sync, live
// list, shares; then with the migration and messageOf) and the share viewer (`firebase/firestore/lite` only). The SDK
// features of a use are read from the client files its bundle really contains. Bundled with esbuild
// (minified, browser, ESM, tree-shaken) and gzipped; no emulator needed. Two more: what the guide's
// on-demand entry adds to an app's main chunk (and how much of the cloud is in it), and the UI entry.
// The SPA-shaped uses include App Check on both sides, as the SPA passes `appCheck` in production:
// its entry imports the provider, and the SDK side gets `initializeAppCheck`, which our client calls.
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
/** The SPA's App Check (README, "App Check"): the provider it passes, and what our client starts. */
const SPA_APP_CHECK_ENTRY = `export { ReCaptchaEnterpriseProvider } from "firebase/app-check";`;
const SPA_APP_CHECK_USED = { "firebase/app-check": ["initializeAppCheck", "ReCaptchaEnterpriseProvider"] };

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
      entry: `export { ${SPA_SHAPED_NAMES.join(", ")} } from "${fromRoot("index.ts")}";\n${SPA_APP_CHECK_ENTRY}`,
      alsoUsed: SPA_APP_CHECK_USED,
      goal: 1.1,
    },
    {
      use: "SPA-shaped use + migration + messageOf (ko, en)",
      entry: `export { ${[...SPA_SHAPED_NAMES, ...SPA_EXTRA_NAMES].join(", ")} } from "${fromRoot("index.ts")}";\n${SPA_APP_CHECK_ENTRY}`,
      alsoUsed: SPA_APP_CHECK_USED,
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

/** The entry chunk of a code-split bundle of `contents`: gzipped bytes, and those from the cloud. */
async function mainChunk(contents: string): Promise<{ bytes: number; cloudBytes: number }> {
  const outdir = mkdtempSync(join(tmpdir(), "talkstudio-chunks-"));
  try {
    const result = await build({
      ...bundling,
      stdin: { contents, resolveDir: root, loader: "tsx", sourcefile: "main.tsx" },
      jsx: "automatic",
      external: ["react", "react/jsx-runtime"],
      splitting: true,
      outdir,
      entryNames: "main",
      metafile: true,
    });
    const path = join(outdir, "main.js");
    const main = result.outputFiles!.find((file) => file.path === path)!;
    const inputs = result.metafile.outputs[relative(root, path)]?.inputs ?? {};
    const cloudBytes = Object.entries(inputs)
      .filter(([input]) => /node_modules\/(@?firebase|zod)\/|^client\/src\//.test(input))
      .reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);
    return { bytes: gzipSync(main.contents, { level: 9 }).length, cloudBytes };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export interface OnDemandCost {
  /** The app's main chunk with the guide's entry, and without any cloud. */
  readonly withBytes: number;
  readonly withoutBytes: number;
  /** Minified bytes of Firebase, zod or the client in the main chunk: what a visitor who never signed in fetches. */
  readonly cloudBytesInMain: number;
}

/**
 * What the on-demand entry of docs/integrating-the-spa.md (`CloudEntry`) adds to an app's main chunk:
 * a flag read and a button; the client, Firebase and the UI land in their own chunk, fetched only
 * once the visitor asks to sign in or has signed in on this browser before.
 */
export async function benchOnDemandCost(): Promise<OnDemandCost> {
  const app = (entry: string) => `
    import { lazy, Suspense, useState } from "react";
    ${entry}
    export function App() { return <main>editor</main>; }`;
  const withEntry = await mainChunk(
    app(`const Cloud = lazy(async () => {
      const [{ initializeApp }, client, react, ui] = await Promise.all([import("firebase/app"),
        import("${fromRoot("index.ts")}"), import("${fromRoot("react/index.ts")}"), import("${fromRoot("react-ui/index.ts")}")]);
      const ts = client.createTalkStudio(initializeApp({ projectId: "p" }));
      return { default: () => <react.TalkStudioProvider ts={ts}><ui.AccountMenu /></react.TalkStudioProvider> };
    });
    export function CloudEntry() {
      const [on, setOn] = useState(() => localStorage.getItem("talkstudio_cloud_owner") !== null);
      return on ? <Suspense fallback={null}><Cloud /></Suspense> : <button onClick={() => setOn(true)}>로그인</button>;
    }`),
  );
  const without = await mainChunk(app(""));
  return { withBytes: withEntry.bytes, withoutBytes: without.bytes, cloudBytesInMain: withEntry.cloudBytes };
}

/**
 * @talkstudio/client/react-ui's own code (components, words), minified and gzipped: React and the
 * client core it calls are left out, as the app has them anyway; and its stylesheet.
 */
export async function benchUiEntry(): Promise<{ scriptBytes: number; styleBytes: number }> {
  const uiDir = join(clientSrc, "react-ui");
  const result = await build({
    ...bundling,
    entryPoints: [join(uiDir, "index.ts")],
    jsx: "automatic",
    plugins: [
      {
        name: "only-the-ui",
        setup(plugin) {
          plugin.onResolve({ filter: /.*/ }, ({ path, resolveDir, kind }) => {
            if (kind === "entry-point") return undefined;
            const inside = path.startsWith(".") && join(resolveDir, path).startsWith(uiDir);
            return inside ? undefined : { path, external: true };
          });
        },
      },
    ],
  });
  const style = readFileSync(join(uiDir, "styles.css"));
  return {
    scriptBytes: gzipSync(result.outputFiles![0]!.contents, { level: 9 }).length,
    styleBytes: gzipSync(style, { level: 9 }).length,
  };
}
