// `npm start` loads this seed into the emulators: it must import cleanly and give the demo user
// their conversations and a public share.
import { signInWithEmailAndPassword } from "firebase/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listConversations, listShares, openShare } from "../../client/src/index.js";
import { DEMO_PROJECTS, DEMO_SHARE_PASSWORD, DEMO_USER } from "../../dev/demo-projects.js";
import { runDemoSeed } from "../support/demo-seed.js";
import { clearAuth, clearFirestore, closeClients, newClient } from "../support/emulators.js";

beforeAll(async () => {
  await Promise.all([clearAuth(), clearFirestore()]);
});
afterAll(closeClients);

describe("the demo seed", () => {
  it("runs, and runs again without duplicating anything", { timeout: 60_000 }, async () => {
    for (let run = 0; run < 2; run++) {
      const result = await runDemoSeed();
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

  it("shares the first project twice through createShare: public, and with a password", async () => {
    const ts = newClient();
    await signInWithEmailAndPassword(ts.auth, DEMO_USER.email, DEMO_USER.password);
    const shares = (await listShares(ts)).items;
    expect(shares.map((s) => s.passwordProtected).sort()).toEqual([false, true]);
    const viewer = newClient();
    for (const share of shares) {
      const opened = await openShare(
        viewer,
        share.code,
        share.passwordProtected ? DEMO_SHARE_PASSWORD : undefined,
      );
      expect(opened.title).toBe(DEMO_PROJECTS[0]!.title);
    }
  });
});
