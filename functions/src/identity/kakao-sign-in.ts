import type { Auth, UpdateRequest, UserRecord } from "firebase-admin/auth";
import type { Firestore } from "firebase-admin/firestore";
import { clearAccountClosed } from "../common/closed-accounts.js";
import { DomainError } from "../common/errors.js";
import { refreshProfile } from "../profiles/profile-from-auth.js";
import { errorCode, KAKAO_PROVIDER_ID, kakaoUid } from "../schema.js";
import { kakaoGet, kakaoTokenInfo, kakaoUser, type KakaoApi, type KakaoUser } from "./kakao-api.js";

interface KakaoSignInDeps {
  auth: Auth;
  db: Firestore;
  kakao: KakaoApi;
  /** Our Kakao app's id: tokens issued to any other app are refused. */
  appId: string;
  now: () => Date;
}

/** The Auth fields we take from Kakao: null clears what Kakao no longer gives us. */
interface KakaoFields {
  displayName: string | null;
  photoURL: string | null;
  email?: string;
}

/** Nickname, profile image (not Kakao's default silhouette) and, only when Kakao verified it, the email. */
function fieldsOf(user: KakaoUser): KakaoFields {
  const account = user.kakao_account;
  const profile = account?.profile;
  const image = profile?.is_default_image ? undefined : profile?.profile_image_url;
  const fields: KakaoFields = {
    displayName: profile?.nickname?.trim() || null,
    photoURL: image?.startsWith("https://") ? image : null,
  };
  if (account?.email && account.is_email_verified === true && account.is_email_valid !== false) {
    fields.email = account.email;
  }
  return fields;
}

/** Updates the Kakao user, creating it on the first sign-in (or if a concurrent one has not yet). */
async function writeUser(auth: Auth, uid: string, fields: KakaoFields): Promise<UserRecord> {
  const email = fields.email ? { email: fields.email, emailVerified: true } : {};
  const update: UpdateRequest = { displayName: fields.displayName, photoURL: fields.photoURL, ...email };
  try {
    return await auth.updateUser(uid, update);
  } catch (error) {
    if (errorCode(error) !== "auth/user-not-found") throw error;
  }
  try {
    // createUser takes no nulls: leave out what Kakao did not give.
    return await auth.createUser({
      uid,
      ...(fields.displayName ? { displayName: fields.displayName } : {}),
      ...(fields.photoURL ? { photoURL: fields.photoURL } : {}),
      ...email,
    });
  } catch (error) {
    if (errorCode(error) !== "auth/uid-already-exists") throw error;
    return auth.updateUser(uid, update);
  }
}

/**
 * Creates or updates the Kakao user. An email that already belongs to another account is left out:
 * it must never merge with, or take over, that account.
 */
async function upsertUser(auth: Auth, uid: string, fields: KakaoFields): Promise<UserRecord> {
  try {
    return await writeUser(auth, uid, fields);
  } catch (error) {
    if (!fields.email || errorCode(error) !== "auth/email-already-exists") throw error;
    return writeUser(auth, uid, { displayName: fields.displayName, photoURL: fields.photoURL });
  }
}

/** Verifies a Kakao access token for our app and returns a Firebase custom token for its user. */
export async function signInWithKakao(
  accessToken: string,
  deps: KakaoSignInDeps,
): Promise<{ customToken: string }> {
  // The archived Firebase sample skipped this check, so any Kakao app's token signed its user in.
  const info = await kakaoGet(deps.kakao, "/v1/user/access_token_info", accessToken, kakaoTokenInfo);
  if (String(info.app_id) !== deps.appId.trim()) {
    throw new DomainError(
      "permission-denied",
      "kakao-wrong-app",
      "This Kakao token was issued to another app.",
    );
  }
  // secure_resource: image URLs over https, which the SPA (an https page) can show.
  const kakao = await kakaoGet(deps.kakao, "/v2/user/me?secure_resource=true", accessToken, kakaoUser);
  if (kakao.id !== info.id) {
    throw new DomainError(
      "unauthenticated",
      "kakao-token-invalid",
      "Kakao returned a different user for this token.",
    );
  }
  const uid = kakaoUid(kakao.id);
  const user = await upsertUser(deps.auth, uid, fieldsOf(kakao));
  // Kakao uids come back after a deletion (same Kakao id, same uid): the new account starts open.
  if (!user.disabled) await clearAccountClosed(deps.db, uid);
  // The onCreate trigger only fills a missing profile, so this refresh is what a later sign-in shows.
  await refreshProfile(deps.db, user, deps.now());
  return { customToken: await deps.auth.createCustomToken(uid, { provider: KAKAO_PROVIDER_ID }) };
}
