// Where the emulator suite of `npm test` listens, and the few calls every test file needs.
import { deleteApp, initializeApp, type FirebaseApp } from "firebase/app";
import { createTalkStudio, type TalkStudio } from "../../client/src/index.js";

export const PROJECT_ID = process.env.GCLOUD_PROJECT ?? "demo-talkstudio";
export const REGION = "asia-northeast3";
const FIRESTORE = process.env.FIRESTORE_EMULATOR_HOST ?? "127.0.0.1:8080";
const AUTH = process.env.FIREBASE_AUTH_EMULATOR_HOST ?? "127.0.0.1:9099";
const FUNCTIONS = process.env.FUNCTIONS_EMULATOR_HOST ?? "127.0.0.1:5001";
export const HOSTING = process.env.FIREBASE_HOSTING_EMULATOR_HOST ?? "127.0.0.1:5000";

export const emulatorHosts = { firestore: FIRESTORE, auth: AUTH, functions: FUNCTIONS, hosting: HOSTING };

const [firestoreHost = "127.0.0.1", firestorePort = "8080"] = FIRESTORE.split(":");
export const firestoreEmulator = { host: firestoreHost, port: Number(firestorePort) };

export function callableUrl(name: string): string {
  return `http://${FUNCTIONS}/${PROJECT_ID}/${REGION}/${name}`;
}

async function emulatorDelete(url: string): Promise<void> {
  const response = await fetch(url, { method: "DELETE" });
  if (!response.ok) throw new Error(`DELETE ${url} answered ${response.status}`);
}

export const clearFirestore = () =>
  emulatorDelete(`http://${FIRESTORE}/emulator/v1/projects/${PROJECT_ID}/databases/(default)/documents`);
export const clearAuth = () => emulatorDelete(`http://${AUTH}/emulator/v1/projects/${PROJECT_ID}/accounts`);

const apps: FirebaseApp[] = [];
let appCount = 0;

/** A fresh client app (own auth state) on the emulators, as the SPA would create it. */
export function newClient(): TalkStudio {
  const app = initializeApp(
    { projectId: PROJECT_ID, apiKey: "demo-api-key", authDomain: `${PROJECT_ID}.firebaseapp.com` },
    `client-${++appCount}`,
  );
  apps.push(app);
  const [host] = AUTH.split(":");
  return createTalkStudio(app, { emulators: host ? { host } : {} });
}

/** Call from afterAll: closes every client app this file made. */
export async function closeClients(): Promise<void> {
  await Promise.all(apps.splice(0).map((app) => deleteApp(app)));
}
