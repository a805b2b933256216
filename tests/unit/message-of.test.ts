// messageOf words every kind and reason the client can raise, in Korean and English (pure).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { FirebaseError } from "firebase/app";
import { describe, expect, it } from "vitest";
import {
  AUTH_ERROR_KINDS,
  CLIENT_ERROR_REASONS,
  ERROR_KINDS,
  ERROR_REASONS,
  MESSAGES,
  messageOf,
  TalkStudioError,
  toTalkStudioError,
  type Locale,
} from "../../client/src/index.js";

const LOCALES: Locale[] = ["ko", "en"];
const REASONS = [...ERROR_REASONS, ...CLIENT_ERROR_REASONS, ...Object.keys(AUTH_ERROR_KINDS)];
const HANGUL = /[\uAC00-\uD7A3]/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("messageOf", () => {
  it.each(LOCALES)("has a %s sentence for every kind", (locale) => {
    for (const kind of ERROR_KINDS) {
      const text = messageOf(new TalkStudioError(kind, "developer detail"), locale);
      expect(text, kind).toBe(MESSAGES[locale].kinds[kind]);
      expect(text.length, kind).toBeGreaterThan(5);
      expect(HANGUL.test(text), kind).toBe(locale === "ko");
    }
  });

  it.each(LOCALES)("has a %s sentence of its own for every reason", (locale) => {
    for (const reason of REASONS) {
      expect(Object.hasOwn(MESSAGES[locale].reasons, reason), reason).toBe(true);
      const text = messageOf(new TalkStudioError("unknown", "developer detail", { reason }), locale);
      expect(text, reason).not.toBe(MESSAGES[locale].kinds.unknown);
      expect(HANGUL.test(text), reason).toBe(locale === "ko");
    }
  });

  it("knows every reason the client and the functions raise (read from their source)", () => {
    const raised = new Set<string>();
    for (const file of [...sources("client/src"), ...sources("functions/src")]) {
      // A migration report's skip reasons and the cache status's fallback reasons are report
      // fields, not error reasons.
      if (file.includes("migration") || file.endsWith("offline-cache.ts")) continue;
      for (const [, reason] of readFileSync(file, "utf8").matchAll(/reason: "([a-z][a-z-]*)"/g)) {
        raised.add(reason ?? "");
      }
    }
    expect(raised.size).toBeGreaterThan(3);
    for (const reason of raised) expect(REASONS, reason).toContain(reason);
  });

  it("words Firebase Auth's sign-in failures by their code, Korean by default", () => {
    const closed = new FirebaseError(
      "auth/popup-closed-by-user",
      "Firebase: Error (auth/popup-closed-by-user).",
    );
    expect(toTalkStudioError(closed)).toMatchObject({
      kind: "cancelled",
      reason: "auth/popup-closed-by-user",
    });
    expect(messageOf(closed)).toBe(MESSAGES.ko.reasons["auth/popup-closed-by-user"]);
    const other = new FirebaseError("auth/account-exists-with-different-credential", "x");
    expect(toTalkStudioError(other).kind).toBe("conflict");
    expect(messageOf(other, "en")).toMatch(/another sign-in method/);
    // An auth code nobody worded yet still gets its kind's sentence, never the code.
    expect(messageOf(new FirebaseError("auth/something-new", "x"), "en")).toBe(MESSAGES.en.kinds.unknown);
  });

  it("adds how long to wait when the server said, and never shows the developer's message", () => {
    const limited = new TalkStudioError("rate-limited", "Error: e is not a function", {
      reason: "rate-limited",
      retryAfterSeconds: 29.2,
    });
    expect(messageOf(limited)).toBe(`${MESSAGES.ko.reasons["rate-limited"]} 30초 후에 다시 시도해 주세요.`);
    expect(messageOf(new Error("Input not instance of e"), "en")).toBe(MESSAGES.en.kinds.unknown);
  });
});
