import { initializeApp } from "firebase/app";
import { createUserWithEmailAndPassword } from "firebase/auth";
import { createTalkStudio, type TalkStudio } from "../client/src/index.js";
import { firestoreEmulator, PROJECT_ID } from "../dev/emulators.js";

let count = 0;

/**
 * A new user signed in on a new client app, so each measurement starts from an empty account.
 * `firestorePort` and `functionsPort` point Firestore and Functions elsewhere (the latency
 * proxies); auth stays direct.
 */
export async function newUser(
  firestorePort = firestoreEmulator.port,
  functionsPort?: number,
): Promise<TalkStudio & { uid: string; idToken: string }> {
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: "demo-api-key" }, `bench-${++count}`);
  const ts = createTalkStudio(app, {
    emulators: { host: firestoreEmulator.host, firestorePort, ...(functionsPort ? { functionsPort } : {}) },
  });
  const { user } = await createUserWithEmailAndPassword(
    ts.auth,
    `bench${count}-${Date.now()}@example.com`,
    "password123",
  );
  return Object.assign(ts, { uid: user.uid, idToken: await user.getIdToken() });
}
