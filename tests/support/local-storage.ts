import { readFileSync } from "node:fs";

/** The SPA's LocalStorage as the fixtures describe it: key → the exact string the SPA stored. */
export function fixtureStorage(): Map<string, string> {
  const dir = "tests/fixtures/localstorage";
  return new Map(
    ["talkstudio_projects", "talkstudio_conversations"].map((key) => [
      key,
      readFileSync(`${dir}/${key}.json`, "utf8"),
    ]),
  );
}

/** A Storage over a map: only getItem, which is all migrateLocalStorage may call. */
export function storageOf(entries: Map<string, string>): Pick<Storage, "getItem"> {
  return { getItem: (key) => entries.get(key) ?? null };
}

export function parsedFixture(key: "talkstudio_projects"): Record<string, unknown>[] {
  return JSON.parse(readFileSync(`tests/fixtures/localstorage/${key}.json`, "utf8")) as Record<
    string,
    unknown
  >[];
}
