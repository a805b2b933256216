// A seed's history as the calls the simulated Firestore answered, in order, with its answers: what
// tests/client/simulated-firestore.test.ts replays on the emulators to show the real rules and
// functions answer the same.
import type { ConversationData } from "../../client/src/index.js";
import { scenarioOf, runScenario, type Faults, type Scenario } from "./sim-world.js";
import { SimServer, type SimWrite } from "./sim-server.js";

export type ServerCall =
  | { readonly call: "commit"; readonly write: SimWrite; readonly answer: boolean }
  | { readonly call: "landed"; readonly write: SimWrite; readonly answer: boolean }
  | {
      readonly call: "saveVersion";
      readonly uid: string;
      readonly revision: number;
      readonly answer: { readonly kept: boolean; readonly revision: number } | "permission-denied";
    }
  | { readonly call: "removeMember"; readonly uid: string };

export interface ServerTrace {
  readonly scenario: Scenario;
  readonly owner: string;
  readonly members: readonly string[];
  readonly start: ConversationData;
  readonly calls: readonly ServerCall[];
  /** The server's copy at the end. */
  readonly end: { readonly revision: number; readonly data: ConversationData };
}

class TracedSimServer extends SimServer {
  readonly calls: ServerCall[] = [];

  override commit(write: SimWrite, client: number, generation: number): boolean {
    const answer = super.commit(write, client, generation);
    this.calls.push({ call: "commit", write, answer });
    return answer;
  }

  override landed(write: SimWrite): boolean {
    const answer = super.landed(write);
    this.calls.push({ call: "landed", write, answer });
    return answer;
  }

  override saveVersion(uid: string, revision: number) {
    try {
      const answer = super.saveVersion(uid, revision);
      this.calls.push({
        call: "saveVersion",
        uid,
        revision,
        answer: { kept: answer.versionId !== null, revision: answer.revision },
      });
      return answer;
    } catch (error) {
      this.calls.push({ call: "saveVersion", uid, revision, answer: "permission-denied" });
      throw error;
    }
  }

  override removeMember(uid: string): void {
    super.removeMember(uid);
    this.calls.push({ call: "removeMember", uid });
  }

  override restore(): void {
    // A restore saves a copy the real history may not hold: plans replayed here leave restores out.
    throw new Error("A traced plan holds no restore.");
  }
}

/**
 * The server calls of seed `seed`'s plan (`ops` user edits) without its restores, and the
 * simulator's verdict on it (an empty list: no invariant broken).
 */
export function traceOf(
  seed: number,
  faults: Faults,
  ops: number,
): ServerTrace & { readonly violations: readonly string[] } {
  const planned = scenarioOf(seed, faults, ops);
  const scenario = { ...planned, actions: planned.actions.filter((a) => a.kind !== "restore") };
  let made: { server: TracedSimServer; start: ConversationData; members: string[] } | undefined;
  const outcome = runScenario(scenario, {
    newServer: (owner, start, members) => {
      made = { server: new TracedSimServer(owner, start, members), start, members };
      return made.server;
    },
  });
  if (!made) throw new Error("runScenario made no server");
  const { server, start, members } = made;
  return {
    scenario,
    owner: server.owner,
    members,
    start,
    calls: server.calls,
    end: server.copy,
    violations: outcome.violations,
  };
}
