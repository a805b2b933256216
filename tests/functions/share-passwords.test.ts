// Password guessing on openShare, as a front end would deliver the requests: these POST to the
// callable themselves with the X-Forwarded-For header Google's front end builds (whatever the caller
// sent, then the address it saw; the demo project trusts one hop).
import { createUserWithEmailAndPassword } from "firebase/auth";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { RATE_LIMIT_RULES } from "../../functions/src/rate-limit/rules.js";
import {
  COMMON_PASSWORDS,
  dubeolsikKeys,
  isCommonPassword,
} from "../../functions/src/shares/common-passwords.js";
import { guessCharges } from "../../functions/src/shares/share-charges.js";
import {
  createConversation,
  createShare,
  openShare,
  RATE_LIMITS,
  messageOf,
  SHARE_LIMITS,
  updateShare,
  type TalkStudio,
} from "../../client/src/index.js";
import { adminDb } from "../support/admin.js";
import { failureOf } from "../support/failure.js";
import { spendRateLimit, withLastingWindows } from "../support/rate-limits.js";
import { guessChargesFrom } from "../support/shares.js";
import { conversationData } from "../support/conversation-data.js";
import { functionUrl, clearAuth, clearFirestore, closeClients, newClient } from "../support/emulators.js";

const PASSWORD = "맞는비밀번호입니다";

interface Answer {
  status: number;
  reason?: unknown;
  retryAfterSeconds?: unknown;
}

async function openFrom(forwardedFor: string, code: string, password: string): Promise<Answer> {
  const response = await fetch(functionUrl("openShare"), {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": forwardedFor },
    body: JSON.stringify({ data: { code, password } }),
  });
  const body = (await response.json()) as {
    error?: { details?: { reason?: unknown; retryAfterSeconds?: unknown } };
  };
  const details = body.error?.details;
  return details?.retryAfterSeconds === undefined
    ? { status: response.status, reason: details?.reason }
    : { status: response.status, reason: details.reason, retryAfterSeconds: details.retryAfterSeconds };
}

async function ownedPasswordShare(): Promise<{ owner: TalkStudio; code: string }> {
  const owner = newClient();
  await createUserWithEmailAndPassword(owner.auth, `guessed${Date.now()}@example.com`, "password123");
  const { id } = await createConversation(owner, conversationData(2));
  return { owner, code: (await createShare(owner, { conversationId: id, password: PASSWORD })).code };
}

/** A password share whose guess windows for `addresses` last a minute (withLastingWindows). */
const ownedPasswordShareFor = (...addresses: string[]): Promise<{ owner: TalkStudio; code: string }> =>
  withLastingWindows(ownedPasswordShare, (share) => guessChargesFrom(share.code, addresses));
const passwordShareFor = async (...addresses: string[]) => (await ownedPasswordShareFor(...addresses)).code;
const passwordShare = () => passwordShareFor();

const WRONG = { status: 403, reason: "wrong-password" };
const perAddress = RATE_LIMITS.wrongPasswordsPerShareAndIpPer15Minutes;

beforeEach(async () => {
  await Promise.all([clearFirestore(), clearAuth()]);
});
afterAll(closeClients);

describe("the common-password list", () => {
  it("holds the top few thousand, Korean keyboard patterns included, all long enough to be set", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(3000);
    for (const password of COMMON_PASSWORDS) expect(password.length).toBeGreaterThanOrEqual(8);
    expect(dubeolsikKeys("사랑해")).toBe("tkfkdgo");
    expect(dubeolsikKeys("안녕하세요")).toBe("dkssudgktpdy");
    for (const password of [
      "qwer1234",
      "1q2w3e4r",
      "asdf1234",
      "1qaz2wsx",
      "saranghae",
      "tkfkdgo123",
      "kimminsu",
    ])
      expect(isCommonPassword(password)).toBe(true);
    expect(isCommonPassword(PASSWORD)).toBe(false);
  });
});

describe("openShare password guessing", () => {
  it(`allows ${perAddress} wrong guesses per address however the leftmost entry is spoofed`, async () => {
    const code = await passwordShareFor("198.51.100.7");
    for (let i = 0; i < perAddress; i++) {
      expect(await openFrom(`10.0.0.${i}, 198.51.100.7`, code, `guess-${i}`)).toEqual(WRONG);
    }
    const limited = await openFrom("10.9.9.9, 198.51.100.7", code, "guess-x");
    expect(limited).toMatchObject({ status: 429, reason: "rate-limited" });
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    // Even the right password waits out the window from that address; another address is unaffected.
    expect((await openFrom("10.9.9.9, 198.51.100.7", code, PASSWORD)).status).toBe(429);
    expect((await openFrom("198.51.100.8", code, PASSWORD)).status).toBe(200);
  });

  it(`sets passwords of at least ${SHARE_LIMITS.passwordMinChars} characters, and still tries shorter old ones`, async () => {
    const { owner, code } = await ownedPasswordShare();
    const short = "1".repeat(SHARE_LIMITS.passwordMinChars - 1);
    const { id } = await createConversation(owner, conversationData(2));
    expect((await failureOf(createShare(owner, { conversationId: id, password: short }))).kind).toBe(
      "invalid",
    );
    // A share made under the old 4-character minimum still opens with its password.
    expect(await openFrom("198.51.100.10", code, "1".repeat(SHARE_LIMITS.passwordAttemptMinChars))).toEqual(
      WRONG,
    );
  });

  it("refuses the most common passwords, in any case, with words in Korean and English", async () => {
    const { owner, code } = await ownedPasswordShare();
    const { id } = await createConversation(owner, conversationData(2));
    for (const password of [
      "12345678",
      "password",
      "qwerty12",
      "Qwer1234",
      "1q2w3e4r",
      "asdf1234",
      "tkfkdgo1",
    ]) {
      const refused = createShare(owner, { conversationId: id, password });
      expect(await failureOf(refused)).toEqual({ kind: "invalid", reason: "password-too-common" });
    }
    const error = await updateShare(owner, { code, password: "saranghae" }).catch((e: unknown) => e);
    expect(messageOf(error)).toContain("흔해서");
    expect(messageOf(error, "en")).toContain("most common");
    // The share keeps its password; an uncommon one is set.
    expect(await openFrom("198.51.100.11", code, PASSWORD)).toMatchObject({ status: 200 });
    await updateShare(owner, { code, password: "우리 둘만 아는 말" });
  });

  it("spends nothing on right passwords", async () => {
    const code = await passwordShare();
    for (let i = 0; i < perAddress + 3; i++) {
      expect((await openFrom("198.51.100.9", code, PASSWORD)).status).toBe(200);
    }
    expect(await openFrom("198.51.100.9", code, "wrong")).toEqual(WRONG);
  });

  const perShare = RATE_LIMITS.wrongPasswordsPerSharePerHour;
  // A dozen calls through the emulator, each wrong guess hashed with scrypt: room for a busy machine.
  it(
    `caps wrong guesses per share at ${perShare} an hour across addresses`,
    { timeout: 60_000 },
    async () => {
      const addresses = ["203.0.113.1", "203.0.113.2"];
      const { owner, code } = await ownedPasswordShareFor(...addresses);
      // Other addresses' wrong guesses of the hour, as the limiter records them (each real one costs
      // a scrypt hash in the emulator), leave room for one address's whole budget and two more.
      const perShareCharge = guessCharges(code, "any").find(
        (charge) => charge.rule === RATE_LIMIT_RULES.shareGuessesPerShare,
      );
      await spendRateLimit(adminDb(), perShareCharge!, new Date(), perShare - perAddress - 2);
      const answers: Answer[] = [];
      for (const address of addresses) {
        for (let i = 0; i < perAddress; i++) answers.push(await openFrom(address, code, `${address}-${i}`));
      }
      expect(answers.filter((x) => x.reason === "wrong-password")).toHaveLength(perAddress + 2);
      expect(answers.filter((x) => x.reason === "rate-limited")).toHaveLength(perAddress - 2);
      expect((await openFrom("203.0.113.200", code, PASSWORD)).status).toBe(429);
      // Its owner, signed in, still opens it: no password, no guess budget.
      expect((await openShare(owner, code)).content).toEqual(conversationData(2));
    },
  );

  // The emulator starts a worker process per concurrent request (seconds each on a busy machine),
  // so the burst here is a few more than the budget; the 40-guess burst drives the domain function
  // (tests/functions/shares-domain.test.ts).
  it("never lets concurrent guesses exceed the budget", { timeout: 60_000 }, async () => {
    const burst = perAddress + 3;
    const code = await passwordShareFor("198.51.100.20");
    const answers = await Promise.all(
      Array.from({ length: burst }, (_, i) =>
        openFrom(`10.1.${i}.1, 198.51.100.20`, code, `concurrent-${i}`),
      ),
    );
    expect(answers.filter((x) => x.reason === "wrong-password")).toHaveLength(perAddress);
    expect(answers.filter((x) => x.reason === "rate-limited")).toHaveLength(burst - perAddress);
  });
});
