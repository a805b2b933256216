// The simulator's Firestore (tests/sim/sim-server.ts) answers as the real one does: seeds of the CI
// simulation are run in the simulator, and every call its Firestore answered — each save (with its
// expected revision and save id, resends of saves whose answer was lost included), each look at
// whether a refused save had landed, each `saveVersion`, each member removal — is made again, in the
// same order, by real clients on the emulators (rules and functions). Same seeds, same answers, same
// copy at the end. Plans leave restores out (tests/sim/sim-trace.ts says why).
import { isDeepStrictEqual } from "node:util";
import { FirebaseError } from "firebase/app";
import { setLogLevel } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createConversation,
  getConversation,
  type ConversationData,
  type TalkStudio,
} from "../../client/src/index.js";
import { callFunction } from "../../client/src/call-function.js";
import { removeMember } from "../../client/src/collaboration/member-callables.js";
import { attemptSave, landed } from "../../client/src/conversations/write.js";
import { callables } from "../../client/src/schema/contracts.js";
import { CI_FAULTS } from "../sim/sim-world.js";
import { traceOf, type ServerCall, type ServerTrace } from "../sim/sim-trace.js";
import type { SimWrite } from "../sim/sim-server.js";
import { conversationData } from "../support/conversation-data.js";
import { clearFirestore, closeClients } from "../support/emulators.js";
import { grantRole, person } from "../support/members.js";
import { withoutRulesCoverage } from "../support/rules-coverage.js";

beforeAll(clearFirestore);
// Refused saves are expected here: the SDK would log each one.
setLogLevel("silent");
afterAll(closeClients);

/** The CI simulation's first seeds, each a plan of this many user edits. */
const SEEDS = [1, 2, 3];
const OPS = 60;

/** The simulator keeps its copies small (no theme): the real one gets a real theme beside them. */
const theme = conversationData(0).theme;
const real = (data: ConversationData): ConversationData => ({ ...data, theme });

/** The emulators, called as the simulated Firestore was: one signed-in client per simulated uid. */
async function replay(
  trace: ServerTrace,
): Promise<{ answers: unknown[]; revision: number; data: ConversationData }> {
  const uids = [trace.owner, ...trace.members];
  const people = new Map<string, TalkStudio & { uid: string }>();
  for (const uid of uids) people.set(uid, await person(uid));
  const as = (uid: string) => people.get(uid)!;
  const owner = as(trace.owner);
  const { id } = await createConversation(owner, real(trace.start));
  await grantRole(
    owner.uid,
    id,
    Object.fromEntries(trace.members.map((m) => [as(m).uid, "editor" as const])),
  );
  const save = (write: SimWrite) => ({
    revision: write.expectedRevision + 1,
    writeId: write.writeId,
    saver: as(write.uid).uid,
    tab: write.tab,
  });
  const answers: unknown[] = [];
  for (const call of trace.calls) {
    switch (call.call) {
      case "commit": {
        const saver = as(call.write.uid);
        const outcome = await attemptSave(saver, owner.uid, id, real(call.write.data), save(call.write));
        if (typeof outcome === "object" && !isRefusal(outcome.refused)) throw outcome.refused;
        answers.push(outcome === "committed");
        break;
      }
      case "landed":
        answers.push(await landed(as(call.write.uid), owner.uid, id, save(call.write)));
        break;
      case "saveVersion":
        answers.push(
          await callFunction(as(call.uid), callables.saveVersion, {
            ownerUid: owner.uid,
            conversationId: id,
            revision: call.revision,
            kind: "overwritten",
          }).then(
            (answer) => ({ kept: answer.versionId !== null, revision: answer.revision }),
            (error: unknown) => {
              if (error instanceof FirebaseError && error.code.endsWith("permission-denied"))
                return "permission-denied";
              throw error;
            },
          ),
        );
        break;
      case "removeMember":
        await removeMember(owner, id, as(call.uid).uid);
        answers.push(undefined);
        break;
    }
  }
  const end = await getConversation(owner, id);
  const { revision, title, conversation, statusBar } = end;
  return { answers, revision, data: { title, conversation, theme, statusBar } };
}

const isRefusal = (error: unknown) => error instanceof FirebaseError && error.code === "permission-denied";

const simulatedAnswer = (call: ServerCall): unknown => ("answer" in call ? call.answer : undefined);

/** A call and its answer as one line, for the first one that differs. */
const describeCall = (call: ServerCall, answer: unknown) =>
  `${call.call} ${"write" in call ? `${call.write.uid} ${call.write.writeId} over r${call.write.expectedRevision}` : ""}${
    "uid" in call ? call.uid : ""
  } answered ${JSON.stringify(answer)}`;

describe("the simulated Firestore answers as the emulators do", () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: every save, landed check, saveVersion and removal`, { timeout: 120_000 }, async () => {
      const trace = traceOf(seed, CI_FAULTS, OPS);
      expect(trace.violations, "the simulator's own verdict").toEqual([]);
      // Hundreds of rule evaluations would make the coverage report too big to serve; the rules
      // tests cover these rules.
      const realRun = await withoutRulesCoverage(() => replay(trace));
      const first = trace.calls.findIndex(
        (call, i) => !isDeepStrictEqual(simulatedAnswer(call), realRun.answers[i]),
      );
      expect(
        first < 0
          ? ""
          : `call ${first}: simulated ${describeCall(trace.calls[first]!, simulatedAnswer(trace.calls[first]!))}, real ${JSON.stringify(realRun.answers[first])}`,
      ).toBe("");
      expect({ revision: realRun.revision, data: realRun.data }).toEqual({
        revision: trace.end.revision,
        data: real(trace.end.data),
      });
    });
  }
});
