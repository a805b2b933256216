import { describe, expect, it } from "vitest";
import {
  expiredExports,
  sweepExports,
  type ExportFiles,
  type StoredFile,
} from "../../functions/src/storage/exports-sweep.js";

const NOW = new Date("2026-11-25T12:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

describe("expiredExports", () => {
  it("picks files created more than 24 hours ago by Storage's own clock, not their names", () => {
    const files: StoredFile[] = [
      { name: "exports/u/2026-11-24/c/1.png", timeCreated: hoursAgo(24.01) },
      { name: "exports/u/2026-11-25/c/2.png", timeCreated: hoursAgo(23.99) },
      // A name claiming the future does not keep an old file.
      { name: "exports/u/2099-01-01/c/9999999999999.png", timeCreated: hoursAgo(48) },
      { name: "exports/u/2026-11-25/c/3.png", timeCreated: undefined },
    ];
    expect(expiredExports(files, NOW)).toEqual([
      "exports/u/2026-11-24/c/1.png",
      "exports/u/2099-01-01/c/9999999999999.png",
    ]);
  });
});

describe("sweepExports", () => {
  it("walks every page of exports/ and deletes only the expired files", async () => {
    const stored = new Map<string, string>();
    for (let i = 0; i < 7; i++) stored.set(`exports/u${i}/d/c/${i}.png`, hoursAgo(i % 2 ? 30 : 1));
    const pages: string[] = [];
    const files: ExportFiles = {
      page(prefix, token) {
        pages.push(`${prefix}@${token ?? "start"}`);
        // Like Cloud Storage, a page token names where the listing resumes, so deleting never skips files.
        const names = [...stored.keys()].sort().filter((name) => token === undefined || name > token);
        const slice = names.slice(0, 3).map((name) => ({ name, timeCreated: stored.get(name) }));
        return Promise.resolve({ files: slice, next: names.length > 3 ? slice.at(-1)?.name : undefined });
      },
      delete(name) {
        stored.delete(name);
        return Promise.resolve();
      },
    };
    const result = await sweepExports(files, NOW);
    expect(result).toEqual({ deleted: 3, scanned: 7 });
    expect(pages[0]).toBe("exports/@start");
    expect([...stored.keys()].sort()).toEqual([0, 2, 4, 6].map((i) => `exports/u${i}/d/c/${i}.png`));
  });
});
