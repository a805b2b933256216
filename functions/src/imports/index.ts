// Entry point of the bulk import: a thin wrapper over the domain function in this folder.
import { getFirestore } from "firebase-admin/firestore";
import { signedInCallable } from "../common/callable.js";
import { callables } from "../schema.js";
import { importConversations as importAll } from "./import-conversations.js";

// A whole LocalStorage in one request: up to 4 MB of projects, written in a few seconds at most.
export const importConversations = signedInCallable(
  callables.importConversations,
  { memory: "512MiB", timeoutSeconds: 120 },
  ({ items }, { uid }) => importAll(getFirestore(), uid, items, new Date()),
);
