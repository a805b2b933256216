// The admin SDK on the emulators (it reads FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST),
// for arranging data and for driving domain functions directly.
import { getApps, initializeApp, type App } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import { getStorage } from "firebase-admin/storage";
import { PROJECT_ID } from "./emulators.js";

const APP_NAME = "tests-admin";

function adminApp(): App {
  return getApps().find((app) => app.name === APP_NAME) ?? initializeApp({ projectId: PROJECT_ID }, APP_NAME);
}

export const adminAuth = () => getAuth(adminApp());
export const adminDb = () => getFirestore(adminApp());
/** The demo project's default bucket (only reachable where the Storage emulator runs). */
export const adminBucket = () => getStorage(adminApp()).bucket(`${PROJECT_ID}.appspot.com`);
