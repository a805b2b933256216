import { doc, getDoc, serverTimestamp, updateDoc, type Timestamp } from "firebase/firestore";
import { NotSignedInError } from "../auth/errors.js";
import type { TalkStudio } from "../firebase.js";
import {
  profileUpdateInput,
  USERS_COLLECTION,
  type ProfileUpdateInput,
  type UserProfile,
} from "../schema/index.js";

function myProfileRef(ts: TalkStudio) {
  const uid = ts.auth.currentUser?.uid;
  if (uid === undefined) throw new NotSignedInError();
  return doc(ts.db, USERS_COLLECTION, uid);
}

/** The signed-in user's profile; null until the server has created it, just after sign-up. */
export async function getMyProfile(ts: TalkStudio): Promise<UserProfile<Timestamp> | null> {
  const snapshot = await getDoc(myProfileRef(ts));
  return snapshot.exists() ? (snapshot.data() as UserProfile<Timestamp>) : null;
}

/** Changes the signed-in user's displayName and/or photoURL (the only fields they may change). */
export async function updateMyProfile(ts: TalkStudio, update: ProfileUpdateInput): Promise<void> {
  await updateDoc(myProfileRef(ts), { ...profileUpdateInput.parse(update), updatedAt: serverTimestamp() });
}
