// `npm start` loads this seed into the emulators: it must import cleanly and give the demo user
// their conversations and a public share.
import { spawnSync } from "node:child_process";
import { signInWithEmailAndPassword } from "firebase/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firestorePaths, listConversations } from "../../client/src/index.js";
import { DEMO_PROJECTS, DEMO_SHARE_CODE, DEMO_USER } from "../../scripts/seed/demo-projects.js";
import {
  clearAuth,
  clearFirestore,
  closeClients,
  emulatorHosts,
  newClient,
  PROJECT_ID,
} from "../support/emulators.js";

const runSeed = () =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/seed/seed.ts"], {
    encoding: "utf8",
    timeout: 60_000,
  });

beforeAll(async () => {
  await Promise.all([clearAuth(), clearFirestore()]);
});
afterAll(closeClients);

describe("the demo seed", () => {
  it("runs, and runs again without duplicating anything", () => {
    for (let run = 0; run < 2; run++) {
      const result = runSeed();
      // stderr may carry the admin SDK's harmless metadata-server warning (no GCP here).
      expect(result.stderr).not.toContain("Seeding failed");
      expect(result.status).toBe(0);
      expect(result.stdout).toContain("Seeded the demo data.");
    }
  });

  it("gives the demo user their projects, newest first, under their own titles and dates", async () => {
    const ts = newClient();
    await signInWithEmailAndPassword(ts.auth, DEMO_USER.email, DEMO_USER.password);
    const page = await listConversations(ts);
    expect(page.items.map((c) => c.title)).toEqual(DEMO_PROJECTS.map((p) => p.title));
  });

  it("publishes one share of the first project", async () => {
    const url = `http://${emulatorHosts.firestore}/v1/projects/${PROJECT_ID}/databases/(default)/documents/${firestorePaths.share(DEMO_SHARE_CODE)}`;
    const response = await fetch(url, { headers: { Authorization: "Bearer owner" } });
    expect(response.status).toBe(200);
    const share = (await response.json()) as {
      fields: Record<string, { stringValue?: string; booleanValue?: boolean }>;
    };
    expect(share.fields.title?.stringValue).toBe(DEMO_PROJECTS[0]!.title);
    expect(share.fields.passwordProtected?.booleanValue).toBe(false);
  });
});
