import * as z from "zod/mini";
import { DomainError } from "../common/errors.js";

/** The part of Kakao's `GET /v1/user/access_token_info` answer we use. */
export const kakaoTokenInfo = z.object({
  id: z.int(),
  app_id: z.int(),
});

/** The part of Kakao's `GET /v2/user/me` answer we use; every consent-gated field may be missing. */
export const kakaoUser = z.object({
  id: z.int(),
  kakao_account: z.optional(
    z.object({
      email: z.optional(z.string()),
      is_email_valid: z.optional(z.boolean()),
      is_email_verified: z.optional(z.boolean()),
      profile: z.optional(
        z.object({
          nickname: z.optional(z.string()),
          profile_image_url: z.optional(z.string()),
          is_default_image: z.optional(z.boolean()),
        }),
      ),
    }),
  ),
});
export type KakaoUser = z.infer<typeof kakaoUser>;

export interface KakaoApi {
  baseUrl: string;
  /** Kakao must answer within this; the callable uses KAKAO_TIMEOUT_MS, tests a shorter one. */
  timeoutMs: number;
}

const unavailable = (message: string) => new DomainError("unavailable", "kakao-unavailable", message);

/**
 * GETs a Kakao API path with the user's bearer token and checks the answer's shape. Kakao's 400/401
 * mean the token is malformed, expired or unknown: the caller's problem (`unauthenticated`); a
 * timeout, a 5xx or an unreadable answer is Kakao's (`unavailable`, worth a retry).
 */
export async function kakaoGet<S extends z.ZodMiniType>(
  api: KakaoApi,
  path: string,
  accessToken: string,
  schema: S,
): Promise<z.infer<S>> {
  let body: unknown;
  try {
    const response = await fetch(new URL(path, api.baseUrl), {
      headers: { Authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(api.timeoutMs),
    });
    if (response.status === 400 || response.status === 401) {
      throw new DomainError(
        "unauthenticated",
        "kakao-token-invalid",
        "The Kakao access token is invalid or expired.",
      );
    }
    if (!response.ok) throw unavailable(`Kakao answered ${response.status}; try again.`);
    body = await response.json();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    // The timeout, a refused connection or a body that is not JSON.
    throw unavailable("Kakao did not answer in time; try again.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw unavailable("Kakao sent an answer we cannot read; try again.");
  return parsed.data;
}
