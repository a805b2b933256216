// What the functions log, read from the emulator suite's own output (scripts/emulators.mjs writes it
// to TALKSTUDIO_EMULATOR_LOG): one structured line per request, and never a secret or a message.
import { readFileSync } from "node:fs";
import { createUserWithEmailAndPassword } from "firebase/auth";
import { afterAll, describe, expect, it } from "vitest";
import { createConversation, createShare, openShare, signInWithKakao } from "../../client/src/index.js";
import { conversationData } from "../support/conversation-data.js";
import { closeClients, newClient } from "../support/emulators.js";
import { eventually } from "../support/eventually.js";
import { failureOf } from "../support/failure.js";
import { useFakeKakao } from "../support/fake-kakao.js";
import { HOSTING } from "../support/shares.js";

const logFile = process.env.TALKSTUDIO_EMULATOR_LOG;
const skipped = logFile ? "" : " (skipped: run through scripts/emulators.mjs, which writes the suite's log)";

interface RequestLine {
  fn: string;
  requestId: string;
  durationMs: number;
  outcome: string;
  reason?: string;
  firestoreReads?: number;
  firestoreWrites?: number;
}

/** The log's bytes so far: where this test's lines start (earlier files wrote to it too). */
const logLength = () => readFileSync(logFile ?? "").length;

/** The functions' structured lines from byte `since` on: the emulator prints each as `>  {json}`. */
function requestLines(since: number): RequestLine[] {
  return readFileSync(logFile ?? "")
    .subarray(since)
    .toString("utf8")
    .split("\n")
    .flatMap((line) => {
      const json = /^>\s+(\{.*\})\s*$/.exec(line)?.[1];
      if (!json) return [];
      try {
        const parsed = JSON.parse(json) as Partial<RequestLine>;
        return typeof parsed.fn === "string" && typeof parsed.outcome === "string"
          ? [parsed as RequestLine]
          : [];
      } catch {
        return [];
      }
    });
}

afterAll(closeClients);
const kakao = useFakeKakao();

describe.skipIf(!logFile)(`request logs${skipped}`, () => {
  // Five functions, each started cold when this file runs alone: more than the default 20 s.
  it(
    "log one line per request with outcome, duration and id, and never a password, token, email or message",
    { timeout: 60_000 },
    async () => {
      const since = logLength();
      const stamp = Date.now().toString(36);
      const email = `log-secret-${stamp}@example.com`;
      const password = `pw-${stamp}-do-not-log`;
      const message = `비밀메시지-${stamp}`;
      const owner = newClient();
      await createUserWithEmailAndPassword(owner.auth, email, "password123");
      const kakaoEmail = `kakao-${stamp}@example.com`;
      kakao().setUser({ id: 4242, nickname: "로그확인", profileImageUrl: "", email: kakaoEmail });
      const kakaoToken = kakao().issueToken(4242);
      await signInWithKakao(newClient(), kakaoToken);
      const data = conversationData(3);
      data.conversation.messages.push({
        id: "secret",
        role: "me",
        authorId: "me",
        text: message,
        datetime: "",
      });
      const { id } = await createConversation(owner, data);
      const { code } = await createShare(owner, { conversationId: id, password });
      expect(
        (await openShare(newClient(), code, password)).content.conversation.messages.at(-1),
      ).toMatchObject({
        text: message,
      });
      expect(await failureOf(openShare(newClient(), code, "not-the-password"))).toMatchObject({
        reason: "wrong-password",
      });
      expect((await fetch(`${HOSTING}/s/_health`)).status).toBe(200);

      const wanted = ["onUserCreated", "kakaoSignIn", "createShare", "openShare", "sharePage"];
      const lines = await eventually(() => {
        const found = requestLines(since);
        const complete =
          wanted.every((fn) => found.some((l) => l.fn === fn)) &&
          found.filter((l) => l.fn === "openShare").length >= 2;
        return Promise.resolve(complete ? found : undefined);
      });
      const opens = lines.filter((l) => l.fn === "openShare");
      expect(opens.map((l) => [l.outcome, l.reason])).toEqual([
        ["ok", undefined],
        ["permission-denied", "wrong-password"],
      ]);
      for (const line of lines) {
        expect(line.requestId).toMatch(/^[\w-]{16,}$/);
        expect(line.durationMs).toBeGreaterThanOrEqual(0);
      }
      // The demo project counts Firestore operations per request (docs/cost.md).
      expect(opens[0]?.firestoreReads).toBeGreaterThan(0);
      // The health route: an ok sharePage line that read nothing (a page read at least its share).
      expect(lines.some((l) => l.fn === "sharePage" && l.outcome === "ok" && l.firestoreReads === 0)).toBe(
        true,
      );

      const everything = readFileSync(logFile ?? "", "utf8");
      for (const secret of [password, email, message, "not-the-password"])
        expect(everything).not.toContain(secret);
    },
  );
});
