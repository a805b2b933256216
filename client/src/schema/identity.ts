import * as z from "zod/mini";

/** Kakao users are custom-token users; their uid names the provider: `kakao:{kakaoId}`. */
export const KAKAO_PROVIDER_ID = "kakao";
export const kakaoUid = (kakaoId: number) => `${KAKAO_PROVIDER_ID}:${kakaoId}`;
export const isKakaoUid = (uid: string) => uid.startsWith(`${KAKAO_PROVIDER_ID}:`);

/**
 * An OAuth bearer token as RFC 6750 spells it (b64token): it travels in an Authorization header, so
 * a control character or a non-Latin-1 one is the caller's mistake, refused before any fetch.
 */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

export const kakaoSignInInput = z.strictObject({
  accessToken: z
    .string()
    // The pattern needs one character at least: an empty token is one issue, not two.
    .check(z.trim(), z.maxLength(4096), z.regex(BEARER_TOKEN, "must be an access token")),
});
export type KakaoSignInInput = z.infer<typeof kakaoSignInInput>;

export const kakaoSignInOutput = z.object({ customToken: z.string().check(z.minLength(1)) });
export type KakaoSignInOutput = z.infer<typeof kakaoSignInOutput>;
