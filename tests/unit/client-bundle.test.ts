// What an app bundles for what it calls: Storage and Functions only come with the calls that use them.
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

async function bundleOf(names: string[]): Promise<string> {
  const result = await build({
    stdin: {
      contents: `export { ${names.join(", ")} } from "./client/src/index.ts";`,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

// Strings only each SDK's code holds: its service's production host.
const STORAGE = "firebasestorage.googleapis.com";
const FUNCTIONS = "cloudfunctions.net";

describe("the client's bundle", () => {
  it("holds no Storage or Functions code for an app that only edits and lists", async () => {
    const code = await bundleOf(["createTalkStudio", "createProjectSync", "watchConversations"]);
    expect(code).not.toContain(STORAGE);
    expect(code).not.toContain(FUNCTIONS);
  });

  it("brings Functions with shares and Storage with uploads", async () => {
    const shares = await bundleOf(["createTalkStudio", "createShare"]);
    expect(shares).toContain(FUNCTIONS);
    expect(shares).not.toContain(STORAGE);
    expect(await bundleOf(["createTalkStudio", "uploadAvatar"])).toContain(STORAGE);
  });
});
