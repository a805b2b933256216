import { Timestamp } from "firebase-admin/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { firestorePaths, RATE_LIMITS } from "../../client/src/index.js";
import { RATE_LIMIT_RULES } from "../../functions/src/rate-limit/rules.js";
import { adminDb } from "../support/admin.js";
import { functionUrl, clearFirestore } from "../support/emulators.js";
import { withLastingWindows } from "../support/rate-limits.js";

// There is no front end in the emulator, so these requests carry the X-Forwarded-For header Google's
// front end would build: whatever the caller sent, then the address it saw. The demo project trusts
// one hop (TRUSTED_PROXY_HOPS=1), as a deployed callable does.
async function kakaoSignInFrom(forwardedFor: string): Promise<{ status: number; reason?: unknown }> {
  const response = await fetch(functionUrl("kakaoSignIn"), {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": forwardedFor },
    // Kakao is not running for this file: every allowed call fails past the limiter, quickly.
    body: JSON.stringify({ data: { accessToken: "any-token" } }),
  });
  const body = (await response.json()) as { error?: { status: string; details?: { reason?: unknown } } };
  return { status: response.status, reason: body.error?.details?.reason };
}

beforeEach(clearFirestore);

describe("kakaoSignIn per-IP rate limit", () => {
  it("puts rotating spoofed leftmost entries from one address into one bucket", async () => {
    const limit = RATE_LIMITS.kakaoSignInPerIpPerMinute;
    // An address whose one-minute window has room for the whole test.
    let host = 0;
    const caller = await withLastingWindows(
      () => `203.0.113.${++host}`,
      (address) => [{ rule: RATE_LIMIT_RULES.kakaoSignInPerAddress, key: address }],
      20_000,
    );
    for (let i = 0; i < limit; i++) {
      const answer = await kakaoSignInFrom(`10.0.0.${i}, ${caller}`);
      expect(answer).toEqual({ status: 503, reason: "kakao-unavailable" });
    }
    expect(await kakaoSignInFrom(`10.9.9.9, ${caller}`)).toEqual({ status: 429, reason: "rate-limited" });
    expect(await kakaoSignInFrom(caller)).toEqual({ status: 429, reason: "rate-limited" });
    // Another address still gets through.
    expect((await kakaoSignInFrom("10.0.0.1, 198.51.100.2")).reason).toBe("kakao-unavailable");
  });

  it("keeps its slots where only functions reach them, hashed and with an expiry for the TTL policy", async () => {
    await kakaoSignInFrom("203.0.113.7");
    const counters = await adminDb().collection(firestorePaths.rateLimits).get();
    expect(counters.size).toBe(1);
    const [slot] = counters.docs;
    expect(slot?.id).not.toContain("203.0.113.7");
    expect(slot?.get("bucket")).toEqual(expect.stringMatching(/^kakaoSignIn-ip_/));
    expect(slot?.get("expiresAt")).toBeInstanceOf(Timestamp);
  });
});
