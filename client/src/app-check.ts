// What firebase.ts loads on demand, by name: a dynamic import of the SDK module itself would keep
// all of it.
export { initializeAppCheck } from "firebase/app-check";
