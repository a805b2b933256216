import { collection, doc, type CollectionReference, type DocumentReference } from "firebase/firestore";
import type { TalkStudio } from "../firebase.js";
import { firestorePaths, type ThrottleName } from "../schema/index.js";

export const conversationsOf = (ts: TalkStudio, uid: string): CollectionReference =>
  collection(ts.db, firestorePaths.conversations(uid));
export const summaryRef = (ts: TalkStudio, uid: string, id: string): DocumentReference =>
  doc(ts.db, firestorePaths.conversation(uid, id));
export const contentRef = (ts: TalkStudio, uid: string, id: string): DocumentReference =>
  doc(ts.db, firestorePaths.content(uid, id));
export const throttleRef = (ts: TalkStudio, uid: string, name: ThrottleName): DocumentReference =>
  doc(ts.db, firestorePaths.throttle(uid, name));
