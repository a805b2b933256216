import { z } from "zod";

export const kakaoSignInInput = z.strictObject({
  accessToken: z.string().trim().min(1).max(4096),
});
export type KakaoSignInInput = z.infer<typeof kakaoSignInInput>;

export const kakaoSignInOutput = z.object({ customToken: z.string().min(1) });
export type KakaoSignInOutput = z.infer<typeof kakaoSignInOutput>;
