// storage.rules with @firebase/rules-unit-testing against the Storage emulator: owner, another user
// and an anonymous caller × read, write, delete × right and wrong type and size.
import { readFileSync } from "node:fs";
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from "@firebase/rules-unit-testing";
import { deleteObject, getBytes, listAll, ref, uploadBytes } from "firebase/storage";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { STORAGE_LIMITS, storagePaths } from "../../client/src/index.js";
import { PROJECT_ID } from "../support/emulators.js";
import { storageEmulatorHost, storageSkipReason } from "../support/storage-emulator.js";

const AVATAR = `${storagePaths.avatars("alice")}a1.webp`;
const EXPORT = `${storagePaths.exports("alice")}2026-11-25/conv1/1764028800000.png`;
const bytes = (n: number) => new Uint8Array(n);

describe.skipIf(storageSkipReason)(`storage.rules${storageSkipReason}`, () => {
  let env: RulesTestEnvironment;
  beforeAll(async () => {
    const [host = "127.0.0.1", port = "9199"] = (storageEmulatorHost ?? "").split(":");
    env = await initializeTestEnvironment({
      projectId: PROJECT_ID,
      storage: { host, port: Number(port), rules: readFileSync("storage.rules", "utf8") },
    });
  });
  afterAll(() => env?.cleanup());
  beforeEach(async () => {
    await env.clearStorage();
    await env.withSecurityRulesDisabled(async (ctx) => {
      await uploadBytes(ref(ctx.storage(), AVATAR), bytes(10), { contentType: "image/webp" });
      await uploadBytes(ref(ctx.storage(), EXPORT), bytes(10), { contentType: "image/png" });
    });
  });
  const storageOf = {
    owner: () => env.authenticatedContext("alice").storage(),
    other: () => env.authenticatedContext("bob").storage(),
    anonymous: () => env.unauthenticatedContext().storage(),
  };

  it("lets anyone read an avatar, and only the owner write or delete one, images up to 2 MB", async () => {
    for (const who of ["owner", "other", "anonymous"] as const) {
      await assertSucceeds(getBytes(ref(storageOf[who](), AVATAR)));
      // Read by name only: listing would enumerate a user's avatars.
      await assertFails(listAll(ref(storageOf[who](), storagePaths.avatars("alice"))));
    }
    const mine = (name: string) => ref(storageOf.owner(), `${storagePaths.avatars("alice")}${name}`);
    await assertSucceeds(uploadBytes(mine("b.png"), bytes(100), { contentType: "image/png" }));
    await assertSucceeds(
      uploadBytes(mine("c.gif"), bytes(STORAGE_LIMITS.avatarBytes), { contentType: "image/gif" }),
    );
    await assertFails(
      uploadBytes(mine("d.png"), bytes(STORAGE_LIMITS.avatarBytes + 1), { contentType: "image/png" }),
    );
    await assertFails(uploadBytes(mine("e.svg"), bytes(100), { contentType: "image/svg+xml" }));
    await assertFails(uploadBytes(mine("f.png"), bytes(100), { contentType: "text/html" }));
    for (const who of ["other", "anonymous"] as const) {
      const theirs = ref(storageOf[who](), `${storagePaths.avatars("alice")}g.png`);
      await assertFails(uploadBytes(theirs, bytes(100), { contentType: "image/png" }));
      await assertFails(deleteObject(ref(storageOf[who](), AVATAR)));
    }
    await assertSucceeds(deleteObject(ref(storageOf.owner(), AVATAR)));
  });

  it("keeps exports to their owner: png or webp up to 20 MB, read and delete by the owner only", async () => {
    await assertSucceeds(getBytes(ref(storageOf.owner(), EXPORT)));
    const mine = (name: string) =>
      ref(storageOf.owner(), `${storagePaths.exports("alice")}2026-11-25/conv1/${name}`);
    await assertSucceeds(uploadBytes(mine("1.webp"), bytes(100), { contentType: "image/webp" }));
    await assertSucceeds(
      uploadBytes(mine("2.png"), bytes(STORAGE_LIMITS.exportBytes), { contentType: "image/png" }),
    );
    await assertFails(
      uploadBytes(mine("3.png"), bytes(STORAGE_LIMITS.exportBytes + 1), { contentType: "image/png" }),
    );
    await assertFails(uploadBytes(mine("4.jpg"), bytes(100), { contentType: "image/jpeg" }));
    for (const who of ["other", "anonymous"] as const) {
      await assertFails(getBytes(ref(storageOf[who](), EXPORT)));
      await assertFails(deleteObject(ref(storageOf[who](), EXPORT)));
      const theirs = ref(storageOf[who](), `${storagePaths.exports("alice")}2026-11-25/conv1/5.png`);
      await assertFails(uploadBytes(theirs, bytes(100), { contentType: "image/png" }));
    }
    await assertSucceeds(deleteObject(ref(storageOf.owner(), EXPORT)));
  });

  it("closes everything else", async () => {
    for (const who of ["owner", "other", "anonymous"] as const) {
      await assertFails(
        uploadBytes(ref(storageOf[who](), "alice/x.png"), bytes(10), { contentType: "image/png" }),
      );
      await assertFails(getBytes(ref(storageOf[who](), "users/alice/x.png")));
    }
  });
});
