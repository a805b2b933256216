// Which test files may run at the same time as others (vitest.config.ts). A file that imports
// tests/support/emulators.ts, directly or through another helper, uses the shared test project:
// the one the Functions emulator writes to, whose data files clear and whose rules coverage is one
// report. Those files run one at a time. Every other file (pure unit tests, simulations, rules
// tests on a Firestore project of their own: tests/support/rules.ts) runs alongside them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const SHARED_PROJECT_MODULE = resolve("tests/support/emulators.ts");
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : testFiles(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The file a relative specifier names: sources import `./x.js` for `./x.ts` (or `.tsx`). */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, base.replace(/\.js$/, ".ts"), base.replace(/\.js$/, ".tsx"), `${base}.ts`];
  return candidates.find((c) => /\.tsx?$/.test(c) && existsSync(c));
}

/** Whether `file` reaches the shared-project module through relative imports inside tests/. */
function usesSharedProject(file: string, seen = new Set<string>()): boolean {
  if (file === SHARED_PROJECT_MODULE) return true;
  if (seen.has(file) || !relative(resolve("tests"), file).match(/^[^.]/)) return false;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const [, specifier = ""] of source.matchAll(IMPORT)) {
    const target = resolveImport(file, specifier);
    if (target && usesSharedProject(target, seen)) return true;
  }
  return false;
}

/** The suite's test files in two groups, as paths relative to the repository root. */
export function testGroups(): { sharedProject: string[]; isolated: string[] } {
  const groups = { sharedProject: [] as string[], isolated: [] as string[] };
  for (const file of testFiles("tests").sort()) {
    groups[usesSharedProject(resolve(file)) ? "sharedProject" : "isolated"].push(file);
  }
  return groups;
}
