// Uploads from the client: every check that happens before an upload runs here; the round trips
// need the Storage emulator and skip, saying why, where it cannot run.
import { createUserWithEmailAndPassword } from "firebase/auth";
import { afterAll, describe, expect, it } from "vitest";
import {
  author,
  photoUrlSchema,
  STORAGE_LIMITS,
  TalkStudioError,
  uploadAvatar,
  uploadExport,
  type TalkStudio,
} from "../../client/src/index.js";
import { closeClients, newClient } from "../support/emulators.js";
import { storageSkipReason } from "../support/storage-emulator.js";

afterAll(closeClients);

let users = 0;
async function signedIn(): Promise<TalkStudio> {
  const ts = newClient();
  await createUserWithEmailAndPassword(
    ts.auth,
    `uploader${++users}-${Date.now()}@example.com`,
    "password123",
  );
  return ts;
}

const blob = (bytes: number, type: string) => new Blob([new Uint8Array(bytes)], { type });

async function refusal(promise: Promise<unknown>) {
  const error: unknown = await promise.then(
    () => expect.unreachable("expected a refusal"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TalkStudioError);
  const { kind, reason } = error as TalkStudioError;
  return { kind, reason };
}

describe("checks before any upload", () => {
  it("refuses an avatar of the wrong type, too large or empty, with a typed error", async () => {
    const ts = await signedIn();
    expect(await refusal(uploadAvatar(ts, blob(10, "image/svg+xml")))).toEqual({
      kind: "invalid",
      reason: "wrong-file-type",
    });
    expect(await refusal(uploadAvatar(ts, blob(10, "")))).toEqual({
      kind: "invalid",
      reason: "wrong-file-type",
    });
    expect(await refusal(uploadAvatar(ts, blob(STORAGE_LIMITS.avatarBytes + 1, "image/png")))).toEqual({
      kind: "invalid",
      reason: "file-too-large",
    });
    expect(await refusal(uploadAvatar(ts, blob(0, "image/png")))).toEqual({
      kind: "invalid",
      reason: "empty-file",
    });
  });

  it("refuses an export that is not png or webp, too large, or for a malformed conversation id", async () => {
    const ts = await signedIn();
    expect((await refusal(uploadExport(ts, "c1", blob(10, "image/jpeg")))).reason).toBe("wrong-file-type");
    expect(
      (await refusal(uploadExport(ts, "c1", blob(STORAGE_LIMITS.exportBytes + 1, "image/png")))).reason,
    ).toBe("file-too-large");
    expect((await refusal(uploadExport(ts, "../other", blob(10, "image/png")))).reason).toBe("invalid-input");
  });

  it("needs a signed-in user", async () => {
    expect((await refusal(uploadAvatar(newClient(), blob(10, "image/png")))).kind).toBe("not-signed-in");
  });

  it("accepts a Firebase Storage download URL as an author's avatarUrl and a profile photoURL", () => {
    const url =
      "https://firebasestorage.googleapis.com/v0/b/talkstudio.appspot.com/o/avatars%2FAbC123%2F0f3e9a.webp?alt=media&token=1c9e0f7a-6a51-4b0b-9f7e-2d1e8d7b9c11";
    expect(author.safeParse({ id: "author-1", name: "민지", avatarUrl: url }).success).toBe(true);
    expect(photoUrlSchema.safeParse(url).success).toBe(true);
  });
});

describe.skipIf(storageSkipReason)(`uploads to the Storage emulator${storageSkipReason}`, () => {
  it("uploads an avatar with progress and answers a URL the schemas accept", async () => {
    const ts = await signedIn();
    const progress: number[] = [];
    const url = await uploadAvatar(ts, blob(5000, "image/webp"), {
      onProgress: (p) => progress.push(p.bytesTransferred),
    });
    expect(progress.at(-1)).toBe(5000);
    expect(photoUrlSchema.safeParse(url.replace(/^http:/, "https:")).success).toBe(true);
  });

  it("uploads an export under the owner's day folder", async () => {
    const ts = await signedIn();
    const { path } = await uploadExport(ts, "conv1", blob(5000, "image/png"));
    expect(path).toMatch(
      new RegExp(`^exports/${ts.auth.currentUser!.uid}/\\d{4}-\\d{2}-\\d{2}/conv1/\\d+\\.png$`),
    );
  });
});
