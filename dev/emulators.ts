// Where the local emulator suite listens (firebase.json's ports; `firebase emulators:exec` sets the
// variables), for the tests, the seed and the benchmarks.
export const PROJECT_ID = process.env.GCLOUD_PROJECT ?? "demo-talkstudio";
export { FUNCTIONS_REGION as REGION } from "../client/src/schema/index.js";

const FIRESTORE = process.env.FIRESTORE_EMULATOR_HOST ?? "127.0.0.1:8080";
const AUTH = process.env.FIREBASE_AUTH_EMULATOR_HOST ?? "127.0.0.1:9099";
const FUNCTIONS = process.env.FUNCTIONS_EMULATOR_HOST ?? "127.0.0.1:5001";
const HOSTING = process.env.FIREBASE_HOSTING_EMULATOR_HOST ?? "127.0.0.1:5000";

export const emulatorHosts = { firestore: FIRESTORE, auth: AUTH, functions: FUNCTIONS, hosting: HOSTING };

const [firestoreHost = "127.0.0.1", firestorePort = "8080"] = FIRESTORE.split(":");
export const firestoreEmulator = { host: firestoreHost, port: Number(firestorePort) };
