// Where the local emulator suite listens (firebase.json's ports; `firebase emulators:exec` sets the
// variables), for the tests, the seed and the benchmarks.
import { FUNCTIONS_REGION } from "../client/src/schema/index.js";

export const PROJECT_ID = process.env.GCLOUD_PROJECT ?? "demo-talkstudio";
export { FUNCTIONS_REGION as REGION };

const FIRESTORE = process.env.FIRESTORE_EMULATOR_HOST ?? "127.0.0.1:8080";
const AUTH = process.env.FIREBASE_AUTH_EMULATOR_HOST ?? "127.0.0.1:9099";
const FUNCTIONS = process.env.FUNCTIONS_EMULATOR_HOST ?? "127.0.0.1:5001";
const HOSTING = process.env.FIREBASE_HOSTING_EMULATOR_HOST ?? "127.0.0.1:5000";

export const emulatorHosts = { firestore: FIRESTORE, auth: AUTH, functions: FUNCTIONS, hosting: HOSTING };

/** An HTTPS function (a callable, or the share page's) as the Functions emulator serves it. */
export const functionUrl = (name: string): string =>
  `http://${FUNCTIONS}/${PROJECT_ID}/${FUNCTIONS_REGION}/${name}`;

const [firestoreHost = "127.0.0.1", firestorePort = "8080"] = FIRESTORE.split(":");
export const firestoreEmulator = { host: firestoreHost, port: Number(firestorePort) };
