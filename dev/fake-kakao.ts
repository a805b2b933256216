// A stand-in for Kakao's REST API (kapi.kakao.com): the two endpoints kakaoSignIn calls, with the
// payload shapes Kakao documents. The tests start it, and so may the demo's seed script, so it is a
// plain module with no test-framework imports.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

const FAKE_KAKAO_PORT = 9777;
/** The app id the demo project trusts (functions/.env.demo-talkstudio). */
export const FAKE_KAKAO_APP_ID = 1234567;

interface FakeKakaoUser {
  id: number;
  nickname?: string;
  profileImageUrl?: string;
  email?: string;
  emailVerified?: boolean;
}

interface TokenOptions {
  /** The token string; a random one by default. */
  token?: string;
  /** The app the token was issued to; ours by default. */
  appId?: number;
  expired?: boolean;
}

/** How the whole server answers: normally, with a 500, or after a delay. */
type FakeKakaoMode = { kind: "normal" } | { kind: "down" } | { kind: "slow"; delayMs: number };

export interface FakeKakao {
  url: string;
  /** Registers (or replaces) a Kakao user; later /v2/user/me answers show the new fields. */
  setUser(user: FakeKakaoUser): void;
  /** Issues an access token for a registered user. */
  issueToken(kakaoId: number, options?: TokenOptions): string;
  setMode(mode: FakeKakaoMode): void;
  /** Requests received, newest last: tests check what was (not) asked. */
  readonly requests: ReadonlyArray<{ path: string; authorization: string | undefined }>;
  close(): Promise<void>;
}

interface Token {
  kakaoId: number;
  appId: number;
  expired: boolean;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json;charset=UTF-8" });
  res.end(JSON.stringify(body));
}

// Kakao's error bodies: https://developers.kakao.com/docs/latest/en/rest-api/reference#response-code
const tokenMissing = { msg: "this access token does not exist", code: -401 };
const tokenExpired = { msg: "this access token is already expired", code: -401 };
const internalError = { msg: "internal error", code: -1 };

/** Kakao's /v2/user/me; `secureResource` (the query param) serves image URLs over https. */
function userMe(user: FakeKakaoUser, secureResource: boolean) {
  const image = secureResource ? user.profileImageUrl?.replace(/^http:/, "https:") : user.profileImageUrl;
  const hasProfile = user.nickname !== undefined || image !== undefined;
  return {
    id: user.id,
    connected_at: "2026-01-02T03:04:05Z",
    properties: {
      ...(user.nickname !== undefined ? { nickname: user.nickname } : {}),
      ...(image !== undefined ? { profile_image: image, thumbnail_image: image } : {}),
    },
    kakao_account: {
      profile_nickname_needs_agreement: false,
      profile_image_needs_agreement: false,
      ...(hasProfile
        ? {
            profile: {
              ...(user.nickname !== undefined ? { nickname: user.nickname } : {}),
              ...(image !== undefined
                ? { thumbnail_image_url: image, profile_image_url: image, is_default_image: false }
                : {}),
            },
          }
        : {}),
      email_needs_agreement: user.email === undefined,
      ...(user.email !== undefined
        ? {
            has_email: true,
            is_email_valid: true,
            is_email_verified: user.emailVerified ?? true,
            email: user.email,
          }
        : {}),
    },
  };
}

/** Starts the fake on 127.0.0.1 (`port` 0 picks a free one). */
export async function startFakeKakao(options: { port?: number; appId?: number } = {}): Promise<FakeKakao> {
  const ourAppId = options.appId ?? FAKE_KAKAO_APP_ID;
  const users = new Map<number, FakeKakaoUser>();
  const tokens = new Map<string, Token>();
  const requests: Array<{ path: string; authorization: string | undefined }> = [];
  let mode: FakeKakaoMode = { kind: "normal" };
  let tokenCount = 0;

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const path = url.pathname;
    if (mode.kind === "down") return send(res, 500, internalError);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const token = bearer === undefined ? undefined : tokens.get(bearer);
    if (req.method !== "GET" || (path !== "/v1/user/access_token_info" && path !== "/v2/user/me")) {
      return send(res, 404, { msg: "not found", code: -404 });
    }
    if (token === undefined) return send(res, 401, tokenMissing);
    if (token.expired) return send(res, 401, tokenExpired);
    const user = users.get(token.kakaoId);
    if (user === undefined) return send(res, 401, tokenMissing);
    if (path === "/v1/user/access_token_info") {
      return send(res, 200, { id: user.id, expires_in: 21_599, app_id: token.appId });
    }
    return send(res, 200, userMe(user, url.searchParams.get("secure_resource") === "true"));
  };

  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? "", authorization: req.headers.authorization });
    if (mode.kind === "slow") setTimeout(() => answer(req, res), mode.delayMs).unref();
    else answer(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? FAKE_KAKAO_PORT, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setUser: (user) => void users.set(user.id, user),
    issueToken(kakaoId, tokenOptions = {}) {
      const token =
        tokenOptions.token ?? `fake-kakao-token-${++tokenCount}-${Math.random().toString(36).slice(2)}`;
      tokens.set(token, {
        kakaoId,
        appId: tokenOptions.appId ?? ourAppId,
        expired: tokenOptions.expired ?? false,
      });
      return token;
    },
    setMode: (next) => void (mode = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
