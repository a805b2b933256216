// Downloads through a share: the domain decisions driven directly (the admin SDK on the Firestore
// emulator; files listed through the function's own listing interface), and the HTTP function's
// answers through the Functions emulator, as a browser behind the Hosting rewrite would get them.
import type { Firestore } from "firebase-admin/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { firestorePaths } from "../../client/src/index.js";
import { IMAGE_LIMITS } from "../../functions/src/share-page/card/card-limits.js";
import { createShare } from "../../functions/src/shares/create.js";
import type { ShareDeps } from "../../functions/src/shares/deps.js";
import { revokeShare } from "../../functions/src/shares/manage.js";
import { newestExport, resolveShareDownload } from "../../functions/src/share-page/download.js";
import {
  EXPORT_LIST_MAX_PAGES,
  EXPORT_LIST_PAGE,
  type ExportListing,
} from "../../functions/src/storage/exports-sweep.js";
import { adminDb } from "../support/admin.js";
import { conversationData } from "../support/conversation-data.js";
import { clearFirestore, emulatorHosts, PROJECT_ID, REGION } from "../support/emulators.js";
import { storageSkipReason } from "../support/storage-emulator.js";

let codes = 0;
const deps = (db: Firestore): ShareDeps => ({
  db,
  now: () => new Date(),
  baseUrl: "https://talkstudio.test",
  newCode: () => `dl${String(++codes).padStart(4, "0")}${Date.now()}`.padEnd(22, "q").slice(0, 22),
});
const caller = { uid: null, clientKey: "198.51.100.40" };

// Each share is of a conversation of its own: clearing the database between tests fires the sync
// trigger for the deleted conversations, which must not revoke the next test's shares.
let conversations = 0;
async function shareOf(
  db: Firestore,
  options: { password?: string; allowDownload?: boolean } = {},
  data = conversationData(2),
) {
  const conversationId = `conv${++conversations}`;
  await db.doc(firestorePaths.content("owner", conversationId)).set({ ...data, revision: 1 });
  const { code } = await createShare(deps(db), "owner", { conversationId, ...options });
  return { code, conversationId };
}

// Lists like the bucket: only the exports of one uid and conversation, EXPORT_LIST_PAGE at a time.
const listing = (names: [string, string][], pagesRead: string[] = []): ExportListing => ({
  exportsOf: (uid, conversationId, pageToken) => {
    pagesRead.push(pageToken ?? "start");
    const matching = names.filter(([name]) => {
      const [root, owner, , conversation] = name.split("/");
      return root === "exports" && owner === uid && conversation === conversationId;
    });
    const start = Number(pageToken ?? 0);
    const end = start + EXPORT_LIST_PAGE;
    return Promise.resolve({
      files: matching.slice(start, end).map(([name, timeCreated]) => ({
        name,
        timeCreated,
        contentType: name.endsWith(".webp") ? "image/webp" : "image/png",
      })),
      next: end < matching.length ? String(end) : undefined,
    });
  },
});

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("expected a refusal"),
    (e: unknown) => (e as { reason?: string }).reason,
  );

beforeEach(clearFirestore);

describe("resolveShareDownload", () => {
  const filesOf = (conversationId: string) =>
    listing([
      [`exports/owner/2026-11-25/${conversationId}/1.png`, "2026-11-25T01:00:00Z"],
      [`exports/owner/2026-11-25/${conversationId}/2.webp`, "2026-11-25T03:00:00Z"],
      ["exports/owner/2026-11-25/other-conversation/3.png", "2026-11-25T05:00:00Z"],
      [`exports/other/2026-11-25/${conversationId}/4.png`, "2026-11-25T06:00:00Z"],
    ]);

  it("serves the owner's newest export of the shared conversation, as an attachment name", async () => {
    const db = adminDb();
    const { code, conversationId } = await shareOf(db);
    expect(await resolveShareDownload(deps(db), caller, filesOf(conversationId), { code })).toEqual({
      kind: "export",
      name: `exports/owner/2026-11-25/${conversationId}/2.webp`,
      contentType: "image/webp",
      fileName: `talkstudio-${code}.webp`,
    });
  });

  it("checks the share on every request: password, download allowed, revoked, unknown", async () => {
    const db = adminDb();
    const { code: locked, conversationId } = await shareOf(db, { password: "download-pass" });
    const files = filesOf(conversationId);
    expect(await rejection(resolveShareDownload(deps(db), caller, files, { code: locked }))).toBe(
      "password-required",
    );
    expect(
      await rejection(resolveShareDownload(deps(db), caller, files, { code: locked, password: "nope" })),
    ).toBe("wrong-password");
    const unlocked = await resolveShareDownload(deps(db), caller, files, {
      code: locked,
      password: "download-pass",
    });
    expect(unlocked.kind === "export" && unlocked.name).toMatch(/2\.webp$/);
    const { code: noDownload } = await shareOf(db, { allowDownload: false });
    expect(await rejection(resolveShareDownload(deps(db), caller, files, { code: noDownload }))).toBe(
      "download-not-allowed",
    );
    const { code: revoked } = await shareOf(db);
    await revokeShare(deps(db), "owner", revoked);
    expect(await rejection(resolveShareDownload(deps(db), caller, files, { code: revoked }))).toBe(
      "share-revoked",
    );
    expect(await rejection(resolveShareDownload(deps(db), caller, files, { code: "Z".repeat(22) }))).toBe(
      "share-not-found",
    );
  });

  it("renders the conversation when it has no export, or when no Storage runs", async () => {
    const db = adminDb();
    const { code } = await shareOf(db);
    const rendered = {
      kind: "render",
      content: conversationData(2),
      revision: 1,
      fileName: `talkstudio-${code}.png`,
    };
    expect(await resolveShareDownload(deps(db), caller, listing([]), { code })).toEqual(rendered);
    expect(await resolveShareDownload(deps(db), caller, null, { code })).toEqual(rendered);
  });
});

describe("newestExport", () => {
  const many = (count: number, newestAt: number): [string, string][] =>
    Array.from({ length: count }, (_, i) => [
      `exports/owner/2026-11-25/conv/${i}.png`,
      new Date(Date.UTC(2026, 10, 25, 0, 0, i === newestAt ? 9999 : i)).toISOString(),
    ]);

  it("reads the conversation's exports a page at a time and keeps the newest across pages", async () => {
    const pagesRead: string[] = [];
    const files = listing([...many(EXPORT_LIST_PAGE * 2 + 5, EXPORT_LIST_PAGE + 3)], pagesRead);
    const newest = await newestExport(files, "owner", "conv");
    expect(newest?.name).toBe(`exports/owner/2026-11-25/conv/${EXPORT_LIST_PAGE + 3}.png`);
    expect(pagesRead).toEqual(["start", String(EXPORT_LIST_PAGE), String(EXPORT_LIST_PAGE * 2)]);
  });

  it("stops after EXPORT_LIST_MAX_PAGES pages however many exports there are", async () => {
    const pagesRead: string[] = [];
    await newestExport(
      listing(many(EXPORT_LIST_PAGE * (EXPORT_LIST_MAX_PAGES + 2), 0), pagesRead),
      "owner",
      "conv",
    );
    expect(pagesRead).toHaveLength(EXPORT_LIST_MAX_PAGES);
  });
});

describe("GET/POST /s/{code}/download", () => {
  const url = (path: string) =>
    `http://${emulatorHosts.functions}/${PROJECT_ID}/${REGION}/shareDownload${path}`;
  const answer = async (response: Response) => ({
    status: response.status,
    reason: ((await response.json()) as { error?: { reason?: string } }).error?.reason,
    noindex: response.headers.get("x-robots-tag"),
    cache: response.headers.get("cache-control"),
  });

  it("answers 404 for odd paths and unknown codes, 410 for revoked, 401/403 for passwords — never cacheable", async () => {
    const db = adminDb();
    const { code: locked } = await shareOf(db, { password: "download-pass" });
    const { code: revoked } = await shareOf(db);
    await revokeShare(deps(db), "owner", revoked);
    const base = { noindex: "noindex", cache: "private, no-store" };
    expect(await answer(await fetch(url("/s/%2e%2e/download")))).toEqual({
      status: 404,
      reason: "share-not-found",
      ...base,
    });
    expect(await answer(await fetch(url(`/s/${"Z".repeat(22)}/download`)))).toEqual({
      status: 404,
      reason: "share-not-found",
      ...base,
    });
    expect(await answer(await fetch(url(`/s/${revoked}/download`)))).toEqual({
      status: 410,
      reason: "share-revoked",
      ...base,
    });
    expect(await answer(await fetch(url(`/s/${locked}/download`)))).toEqual({
      status: 401,
      reason: "password-required",
      ...base,
    });
    const wrong = await fetch(url(`/s/${locked}/download`), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "password=not-it",
    });
    expect(await answer(wrong)).toEqual({ status: 403, reason: "wrong-password", ...base });
  });

  it.skipIf(!storageSkipReason)(
    `renders the conversation as a PNG where no Storage runs${storageSkipReason ? "" : " (skipped: a Storage emulator runs here)"}`,
    async () => {
      const { code } = await shareOf(adminDb());
      const response = await fetch(url(`/s/${code}/download`));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="talkstudio-${code}.png"`,
      );
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      const png = Buffer.from(await response.arrayBuffer());
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(780); // IHDR width
      expect(png.readUInt32BE(20)).toBeGreaterThan(200); // header + a divider + a bubble
    },
  );

  it.skipIf(!storageSkipReason)(
    `renders at most ${IMAGE_LIMITS.maxHeight} px of ten messages of 999 line breaks, and again${storageSkipReason ? "" : " (skipped: a Storage emulator runs here)"}`,
    async () => {
      // Issue 18: this was a 780 × 390,580 px PNG, 11 s of rendering per anonymous request.
      const data = conversationData(11);
      data.conversation.messages = data.conversation.messages
        .slice(1)
        .map((m) => ({ ...m, text: `${"\n".repeat(999)}끝` }));
      const { code } = await shareOf(adminDb(), {}, data);
      const first = await fetch(url(`/s/${code}/download`));
      expect(first.status).toBe(200);
      const png = Buffer.from(await first.arrayBuffer());
      expect(png.readUInt32BE(16)).toBe(780);
      expect(png.readUInt32BE(20)).toBeLessThanOrEqual(IMAGE_LIMITS.maxHeight);
      const again = Buffer.from(await (await fetch(url(`/s/${code}/download`))).arrayBuffer());
      expect(again.equals(png)).toBe(true);
    },
    60_000,
  );
});

describe.skipIf(storageSkipReason)(`streaming a share's export${storageSkipReason}`, () => {
  it("streams the newest export's bytes with its type, as an attachment", async () => {
    const { adminBucket } = await import("../support/admin.js");
    const db = adminDb();
    const { code, conversationId } = await shareOf(db);
    const bytes = Buffer.from("\x89PNG fake image bytes");
    await adminBucket()
      .file(`exports/owner/2026-11-25/${conversationId}/1.png`)
      .save(bytes, { contentType: "image/png" });
    const response = await fetch(
      `http://${emulatorHosts.functions}/${PROJECT_ID}/${REGION}/shareDownload/s/${code}/download`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="talkstudio-${code}.png"`);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });
});
