import type { Auth } from "firebase-admin/auth";
import { DomainError } from "../common/errors.js";
import { kakaoGet, type KakaoApi, type KakaoTokenInfo, type KakaoUser } from "./kakao-api.js";

export interface KakaoSignInDeps {
  auth: Auth;
  kakao: KakaoApi;
  /** Our Kakao app's id: tokens issued to any other app are refused. */
  appId: string;
}

export const kakaoUid = (kakaoId: number | string) => `kakao:${kakaoId}`;

/** The fields we copy from Kakao into the Firebase user. */
interface KakaoProfile {
  displayName?: string;
  photoURL?: string;
  email?: string;
  emailVerified?: boolean;
}

/** Profile fields Kakao gives us; the email only when Kakao has verified it. */
function profileOf(user: KakaoUser): KakaoProfile {
  const account = user.kakao_account;
  const displayName = account?.profile?.nickname ?? user.properties?.nickname;
  const photoURL = account?.profile?.profile_image_url ?? user.properties?.profile_image;
  const profile: KakaoProfile = {};
  if (displayName) profile.displayName = displayName;
  if (photoURL?.startsWith("https://")) profile.photoURL = photoURL;
  if (account?.email && account.is_email_verified === true) {
    profile.email = account.email;
    profile.emailVerified = true;
  }
  return profile;
}

/** Creates or updates the user; an email owned by another account is dropped, never merged. */
async function upsertUser(auth: Auth, uid: string, profile: KakaoProfile): Promise<void> {
  const write = async (fields: KakaoProfile) => {
    try {
      await auth.updateUser(uid, fields);
    } catch (error) {
      if ((error as { code?: string }).code !== "auth/user-not-found") throw error;
      await auth.createUser({ uid, ...fields });
    }
  };
  try {
    await write(profile);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (profile.email && code === "auth/email-already-exists") {
      await write({ ...profile, email: undefined, emailVerified: undefined });
      return;
    }
    throw error;
  }
}

/** Verifies a Kakao access token for our app and returns a Firebase custom token for its user. */
export async function signInWithKakao(
  accessToken: string,
  deps: KakaoSignInDeps,
): Promise<{ customToken: string }> {
  const info = await kakaoGet<KakaoTokenInfo>(deps.kakao, "/v1/user/access_token_info", accessToken);
  if (String(info.app_id) !== deps.appId) {
    throw new DomainError(
      "permission-denied",
      "kakao-wrong-app",
      "This Kakao token was issued to another app.",
    );
  }
  const user = await kakaoGet<KakaoUser>(deps.kakao, "/v2/user/me", accessToken);
  if (user.id !== info.id) {
    throw new DomainError(
      "unauthenticated",
      "kakao-token-invalid",
      "Kakao returned a different user for this token.",
    );
  }
  const uid = kakaoUid(user.id);
  await upsertUser(deps.auth, uid, profileOf(user));
  return { customToken: await deps.auth.createCustomToken(uid, { provider: "kakao" }) };
}
