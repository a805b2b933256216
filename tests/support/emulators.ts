// The few emulator calls every test file needs.
import { deleteApp, initializeApp, type FirebaseApp } from "firebase/app";
import { createTalkStudio, type TalkStudio } from "../../client/src/index.js";
import { emulatorHosts, PROJECT_ID } from "../../dev/emulators.js";
import { recordRulesCoverageOf } from "./rules-coverage.js";

export { emulatorHosts, firestoreEmulator, functionUrl, PROJECT_ID, REGION } from "../../dev/emulators.js";

/**
 * Importing this module is what marks a test file as one that uses the shared test project (the
 * one the Functions emulator writes to): vitest.config.ts runs such files one at a time, and every
 * other file alongside them. A file in the other group reaching here was misclassified.
 */
if (process.env.TALKSTUDIO_TEST_GROUP === "isolated") {
  throw new Error(
    "tests/support/emulators.ts was imported by a file vitest.config.ts runs alongside others: import it statically (a dynamic import hides it from the classification).",
  );
}
recordRulesCoverageOf(PROJECT_ID);

/**
 * Clears emulator data. The Firestore emulator answers a clear with 500 while it is still busy with
 * the previous file's deletes, and with 409 (aborted) when a transaction of a trigger the last test
 * caused holds a document: either is asked again, twice, after a pause.
 */
async function emulatorDelete(url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(url, { method: "DELETE" });
    if (response.ok) return;
    if ((response.status < 500 && response.status !== 409) || attempt === 3)
      throw new Error(`DELETE ${url} answered ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
  }
}

/** The Firestore emulator's own REST API for the test project (clearing data, rules, coverage). */
export const firestoreEmulatorApi = () =>
  `http://${emulatorHosts.firestore}/emulator/v1/projects/${PROJECT_ID}`;

export const clearFirestore = () => emulatorDelete(`${firestoreEmulatorApi()}/databases/(default)/documents`);
export const clearAuth = () =>
  emulatorDelete(`http://${emulatorHosts.auth}/emulator/v1/projects/${PROJECT_ID}/accounts`);

const apps: FirebaseApp[] = [];
let appCount = 0;

/** A fresh client app (own auth state) on the emulators, as the SPA would create it. */
export function newClient(): TalkStudio {
  const app = initializeApp(
    { projectId: PROJECT_ID, apiKey: "demo-api-key", authDomain: `${PROJECT_ID}.firebaseapp.com` },
    `client-${++appCount}`,
  );
  apps.push(app);
  const [host] = emulatorHosts.auth.split(":");
  return createTalkStudio(app, { emulators: host ? { host } : {} });
}

/** Call from afterAll: closes every client app this file made. */
export async function closeClients(): Promise<void> {
  await Promise.all(apps.splice(0).map((app) => deleteApp(app)));
}
