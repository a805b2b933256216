import { DomainError } from "../common/errors.js";

/** What we read from Kakao's `GET /v1/user/access_token_info`. */
export interface KakaoTokenInfo {
  id: number;
  app_id: number;
  expires_in: number;
}

/** What we read from Kakao's `GET /v2/user/me`. */
export interface KakaoUser {
  id: number;
  kakao_account?: {
    email?: string;
    is_email_valid?: boolean;
    is_email_verified?: boolean;
    profile?: { nickname?: string; profile_image_url?: string; thumbnail_image_url?: string };
  };
  properties?: { nickname?: string; profile_image?: string };
}

export interface KakaoApi {
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** GET a Kakao API path with the user's bearer token; maps Kakao's failures to DomainErrors. */
export async function kakaoGet<T>(api: KakaoApi, path: string, accessToken: string): Promise<T> {
  const doFetch = api.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(new URL(path, api.baseUrl), {
      headers: { Authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(api.timeoutMs),
    });
  } catch {
    throw new DomainError("unavailable", "kakao-unavailable", "Kakao did not answer in time; try again.");
  }
  if (response.status === 401) {
    throw new DomainError(
      "unauthenticated",
      "kakao-token-invalid",
      "The Kakao access token is invalid or expired.",
    );
  }
  if (!response.ok) {
    throw new DomainError(
      "unavailable",
      "kakao-unavailable",
      `Kakao answered ${response.status}; try again.`,
    );
  }
  try {
    return (await response.json()) as T;
  } catch {
    throw new DomainError("unavailable", "kakao-unavailable", "Kakao sent an unreadable answer; try again.");
  }
}
