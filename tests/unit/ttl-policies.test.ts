// The TTL policies `firebase deploy` sets (firestore.indexes.json): a file the Firebase CLI
// accepts, naming collection groups the code really has, and the same list the README gives.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { firestorePaths } from "../../client/src/index.js";

interface FieldOverride {
  collectionGroup: string;
  fieldPath: string;
  ttl?: boolean;
  indexes: unknown[];
}
interface IndexSpec {
  indexes: unknown[];
  fieldOverrides: FieldOverride[];
}

const spec = JSON.parse(readFileSync("firestore.indexes.json", "utf8")) as IndexSpec;
const ttlGroups = spec.fieldOverrides.filter((f) => f.ttl).map((f) => f.collectionGroup);

/** Every collection name in the paths the code reads and writes (odd segments of each path). */
function collectionNames(): Set<string> {
  const names = new Set<string>();
  for (const path of Object.values(firestorePaths)) {
    const built = typeof path === "string" ? path : (path as (...a: string[]) => string)("a", "b", "c");
    built.split("/").forEach((segment, i) => i % 2 === 0 && names.add(segment));
  }
  return names;
}

describe("TTL policies in firestore.indexes.json", () => {
  it("is a spec the Firebase CLI deploys", () => {
    const require = createRequire(import.meta.url);
    const { FirestoreApi } = require("firebase-tools/lib/firestore/api.js") as {
      FirestoreApi: new () => { validateSpec(spec: unknown): void };
    };
    expect(() => new FirestoreApi().validateSpec(spec)).not.toThrow();
  });

  it("sets each policy on expiresAt of a collection the code has, version copies included", () => {
    const names = collectionNames();
    for (const override of spec.fieldOverrides.filter((f) => f.ttl)) {
      expect(override.fieldPath).toBe("expiresAt");
      expect(names).toContain(override.collectionGroup);
    }
    expect(ttlGroups).toContain("snapshot");
    expect(new Set(ttlGroups).size).toBe(ttlGroups.length);
  });

  it("names the same collection groups as the README's deploy step", () => {
    const readme = readFileSync("README.md", "utf8");
    const step = readme.slice(readme.indexOf("5. **TTL**"), readme.indexOf("6. **Storage**"));
    const named = [...step.matchAll(/`([a-zA-Z]+)`/g)]
      .map((m) => m[1]!)
      .filter((name) => !["expiresAt", "sweepShares", "firebase"].includes(name));
    expect(named.sort()).toEqual([...ttlGroups].sort());
  });
});
