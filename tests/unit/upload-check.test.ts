import { describe, expect, it } from "vitest";
import { STORAGE_LIMITS } from "../../client/src/index.js";
import { checkUpload, HEAD_BYTES, type UploadFiles } from "../../functions/src/storage/upload-check.js";

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 16];
const WEBP = [...ascii("RIFF"), 0x24, 0, 0, 0, ...ascii("WEBPVP8 ")];
const GIF = ascii("GIF89a\x01\x00");

/** A bucket in memory: names sort and pages resume after a token, as in Cloud Storage. */
function memoryBucket(files: Record<string, number[]>) {
  const stored = new Map(Object.entries(files).map(([name, bytes]) => [name, Uint8Array.from(bytes)]));
  const listed: number[] = [];
  const bucket: UploadFiles = {
    head(name, bytes) {
      const file = stored.get(name);
      // Like Cloud Storage, a range of an empty (or missing) file is refused.
      if (!file?.length) return Promise.reject(new Error(`no range of ${name}`));
      return Promise.resolve(file.subarray(0, bytes));
    },
    delete(name) {
      stored.delete(name);
      return Promise.resolve();
    },
    names(prefix, maxResults, pageToken) {
      // A page holds at most 7 names whatever is asked, so the count must follow page tokens.
      const size = Math.min(maxResults, 7);
      listed.push(maxResults);
      const all = [...stored.keys()]
        .filter((n) => n.startsWith(prefix) && (!pageToken || n > pageToken))
        .sort();
      const names = all.slice(0, size);
      return Promise.resolve({ names, next: all.length > size ? names.at(-1) : undefined });
    },
  };
  return { bucket, stored, listed };
}

const avatar = (uid: string, i: number) => `avatars/${uid}/a${String(i).padStart(3, "0")}.png`;
const exported = (uid: string, i: number) => `exports/${uid}/2026-12-02/c/${i}.png`;

describe("checkUpload: the bytes against the declared type", () => {
  it.each([
    ["avatars/u/a.png", "image/png", PNG],
    ["avatars/u/a.jpg", "image/jpeg", JPEG],
    ["avatars/u/a.webp", "image/webp", WEBP],
    ["avatars/u/a.gif", "image/gif", GIF],
    ["avatars/u/b.gif", "image/gif", ascii("GIF87a")],
    ["exports/u/2026-12-02/c/1.png", "image/png", PNG],
    ["exports/u/2026-12-02/c/1.webp", "image/webp", WEBP],
  ])("keeps %s declared %s with its signature", async (name, contentType, bytes) => {
    const { bucket, stored } = memoryBucket({ [name]: bytes });
    expect(await checkUpload(bucket, { name, contentType, size: bytes.length })).toBe("kept");
    expect(stored.has(name)).toBe(true);
  });

  it.each([
    ["another image's bytes", "avatars/u/a.png", "image/png", JPEG],
    ["a script", "avatars/u/a.png", "image/png", ascii("<svg onload=x>")],
    ["RIFF audio", "avatars/u/a.webp", "image/webp", [...ascii("RIFF"), 0, 0, 0, 0, ...ascii("WAVE")]],
    ["a near miss", "avatars/u/a.gif", "image/gif", ascii("GIF88a")],
    ["a truncated file", "avatars/u/a.png", "image/png", [0x89, 0x50]],
    ["a type avatars do not take", "avatars/u/a.png", "image/svg+xml", ascii("<svg/>")],
    ["no type", "avatars/u/a.png", undefined, PNG],
    ["nothing", "avatars/u/a.png", "image/png", []],
    ["a type exports do not take", "exports/u/2026-12-02/c/1.jpg", "image/jpeg", JPEG],
  ])("deletes %s (%s declared %s)", async (_what, name, contentType, bytes: number[]) => {
    const { bucket, stored } = memoryBucket({ [name]: bytes });
    expect(await checkUpload(bucket, { name, contentType, size: bytes.length })).toBe("wrong-bytes");
    expect(stored.has(name)).toBe(false);
  });

  it("reads only the first HEAD_BYTES bytes and leaves files outside avatars/ and exports/ alone", async () => {
    expect(HEAD_BYTES).toBe(16);
    const { bucket, stored, listed } = memoryBucket({ "other/u/x.png": ascii("not an image") });
    expect(
      await checkUpload(bucket, { name: "other/u/x.png", contentType: "image/png", size: PNG.length }),
    ).toBe("ignored");
    expect(stored.size).toBe(1);
    expect(listed).toEqual([]);
  });
});

describe("checkUpload: the count per user", () => {
  it.each([
    ["avatars", avatar, STORAGE_LIMITS.avatarsPerUser],
    ["exports", exported, STORAGE_LIMITS.exportsPerUser],
  ] as const)("keeps a user's %s up to the cap and deletes the upload past it", async (_, path, cap) => {
    const files: Record<string, number[]> = {};
    for (let i = 0; i < cap; i++) files[path("u", i)] = PNG;
    // Another user's files never count against this one.
    for (let i = 0; i < 3; i++) files[path("v", i)] = PNG;
    const { bucket, stored } = memoryBucket(files);
    expect(
      await checkUpload(bucket, { name: path("u", cap - 1), contentType: "image/png", size: PNG.length }),
    ).toBe("kept");

    stored.set(path("u", cap), Uint8Array.from(PNG));
    expect(
      await checkUpload(bucket, { name: path("u", cap), contentType: "image/png", size: PNG.length }),
    ).toBe("over-count");
    expect(stored.has(path("u", cap))).toBe(false);
    expect([...stored.keys()].filter((n) => n.includes("/u/"))).toHaveLength(cap);
  });

  it("lists no more than the cap and one, however many files there are", async () => {
    const cap = STORAGE_LIMITS.avatarsPerUser;
    const files: Record<string, number[]> = {};
    for (let i = 0; i < cap * 5; i++) files[avatar("u", i)] = PNG;
    const { bucket, listed } = memoryBucket(files);
    expect(
      await checkUpload(bucket, { name: avatar("u", 0), contentType: "image/png", size: PNG.length }),
    ).toBe("over-count");
    expect(listed.reduce((a, b) => a + Math.min(b, 7), 0)).toBe(cap + 1);
  });

  it("ends with at most the cap when uploads past it are checked together", async () => {
    const cap = STORAGE_LIMITS.avatarsPerUser;
    const files: Record<string, number[]> = {};
    for (let i = 0; i < cap + 3; i++) files[avatar("u", i)] = PNG;
    const { bucket, stored } = memoryBucket(files);
    const late = [cap - 1, cap, cap + 1, cap + 2].map((i) => avatar("u", i));
    await Promise.all(
      late.map((name) => checkUpload(bucket, { name, contentType: "image/png", size: PNG.length })),
    );
    expect(stored.size).toBeLessThanOrEqual(cap);
  });
});
