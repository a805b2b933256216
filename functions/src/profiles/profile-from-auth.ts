import type { Firestore } from "firebase-admin/firestore";
import { isAlreadyExists } from "../common/errors.js";
import {
  displayNameSchema,
  firestorePaths,
  isKakaoUid,
  KAKAO_PROVIDER_ID,
  LIMITS,
  photoUrlSchema,
  type ProfileFields,
} from "../schema.js";

/** What we read from an Auth user: admin's UserRecord and the v1 trigger's both fit. */
interface AuthUserLike {
  uid: string;
  displayName?: string | undefined;
  photoURL?: string | undefined;
  providerData: ReadonlyArray<{ providerId: string }>;
}

/**
 * The profile fields of an Auth user, normalised to what the rules accept from the owner later (a
 * provider's over-long name is cut, a non-https photo dropped), so an owner's edit never fails on a
 * field they did not touch.
 */
function profileFieldsOf(user: AuthUserLike): ProfileFields {
  const name = displayNameSchema.safeParse(user.displayName?.trim().slice(0, LIMITS.displayNameChars));
  const photo = photoUrlSchema.safeParse(user.photoURL);
  // Auth lists no provider for a custom-token user: a Kakao user's uid says it.
  const providers = [
    ...(isKakaoUid(user.uid) ? [KAKAO_PROVIDER_ID] : []),
    ...user.providerData.map((p) => p.providerId),
  ];
  return {
    displayName: name.success ? name.data : null,
    photoURL: photo.success ? photo.data : null,
    providers: [...new Set(providers)].sort(),
  };
}

/**
 * Creates `users/{uid}` unless it exists. The onCreate trigger uses this: it may run after a Kakao
 * sign-in already wrote a newer profile, which it must not overwrite with its older snapshot.
 */
export async function createProfileIfMissing(db: Firestore, user: AuthUserLike, now: Date): Promise<void> {
  try {
    await db
      .doc(firestorePaths.user(user.uid))
      .create({ ...profileFieldsOf(user), createdAt: now, updatedAt: now });
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
}

/** Writes the Auth user's current fields into `users/{uid}`, keeping `createdAt` if it exists. */
export async function refreshProfile(db: Firestore, user: AuthUserLike, now: Date): Promise<void> {
  const ref = db.doc(firestorePaths.user(user.uid));
  await db.runTransaction(async (tx) => {
    const exists = (await tx.get(ref)).exists;
    const fields = { ...profileFieldsOf(user), updatedAt: now };
    if (exists) tx.update(ref, fields);
    else tx.create(ref, { ...fields, createdAt: now });
  });
}
