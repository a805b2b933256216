// What an app's bundle holds for what it calls: Storage only comes with the calls that use it, and
// React and the components only with the UI entry.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

/** The code an app loads at start: its main chunk and the chunks that one imports statically. */
const bundleOf = (names: string[], entry = "index.ts") =>
  bundled(`export { ${names.join(", ")} } from "./client/src/${entry}";`);

async function bundled(contents: string): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), "talkstudio-bundle-"));
  try {
    const result = await build({
      stdin: {
        contents,
        resolveDir: root,
        loader: "ts",
        sourcefile: "main.ts",
      },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      splitting: true,
      outdir,
      entryNames: "main",
      metafile: true,
      absWorkingDir: root,
      write: false,
      logLevel: "silent",
    });
    const text = new Map(result.outputFiles.map((file) => [relative(root, file.path), file.text]));
    const loaded = new Set<string>();
    const load = (path: string) => {
      if (loaded.has(path)) return;
      loaded.add(path);
      for (const imported of result.metafile.outputs[path]!.imports) {
        if (imported.kind === "import-statement") load(imported.path);
      }
    };
    load(relative(root, join(outdir, "main.js")));
    return [...loaded].map((path) => text.get(path)!).join("\n");
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

// Strings only each SDK's code holds: its service's production host.
const STORAGE = "firebasestorage.googleapis.com";
const FUNCTIONS = "cloudfunctions.net";
const REACT = "react.transitional.element";

describe("the client's bundle", () => {
  it("holds no Storage code for an app that edits, lists and shares", async () => {
    const code = await bundleOf([
      "createTalkStudio",
      "createProjectSync",
      "watchConversations",
      "createShare",
    ]);
    expect(code).toContain(FUNCTIONS);
    expect(code).not.toContain(STORAGE);
  });

  it("brings Storage with uploads", async () => {
    expect(await bundleOf(["createTalkStudio", "uploadAvatar"])).toContain(STORAGE);
  });

  it("holds no React and none of the components for an app of the main entry, every export", async () => {
    const main = await bundled(`export * from "./client/src/index.ts";`);
    const ui = await bundleOf(["ConflictDialog"], "react-ui/index.ts");
    // React's element tag and a component's class name: both in the components' entry only.
    for (const marker of [REACT, "ts-keep-mine"]) {
      expect(ui).toContain(marker);
      expect(main).not.toContain(marker);
    }
  });
});
