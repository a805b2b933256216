import { doc, getDoc, serverTimestamp, Timestamp, updateDoc } from "firebase/firestore";
import * as z from "zod/mini";
import { parseOrThrow, typedErrors } from "../talkstudio-error.js";
import { ESTIMATED } from "../estimated.js";
import type { TalkStudio } from "../firebase.js";
import {
  firestorePaths,
  profileFields,
  profileUpdateInput,
  type ProfileUpdateInput,
  type UserProfile,
} from "../schema/index.js";
import { requireUid } from "../require-uid.js";

const storedProfile = z.object({
  ...profileFields.shape,
  createdAt: z.instanceof(Timestamp),
  updatedAt: z.instanceof(Timestamp),
});

const myProfileRef = (ts: TalkStudio) => doc(ts.db, firestorePaths.user(requireUid(ts)));

/** The signed-in user's profile; null until the server has created it, just after sign-up. */
export function getMyProfile(ts: TalkStudio): Promise<UserProfile<Timestamp> | null> {
  return typedErrors(async () => {
    const snapshot = await getDoc(myProfileRef(ts));
    return snapshot.exists() ? storedProfile.parse(snapshot.data(ESTIMATED)) : null;
  });
}

/** Changes the signed-in user's displayName and/or photoURL (the only fields they may change). */
export function updateMyProfile(ts: TalkStudio, update: ProfileUpdateInput): Promise<void> {
  return typedErrors(async () => {
    const fields = parseOrThrow(profileUpdateInput, update, "Not a valid profile update.");
    await updateDoc(myProfileRef(ts), { ...fields, updatedAt: serverTimestamp() });
  });
}
