// Every skin's module by its id (the ids: PLATFORM_SKINS in client/src/schema/conversation.ts).
import type { PlatformSkin } from "../../schema.js";
import { discord } from "./discord.js";
import { insta } from "./insta.js";
import { kakao } from "./kakao.js";
import type { Skin } from "./skin.js";
import { telegram } from "./telegram.js";

export const SKINS: Record<PlatformSkin, Skin> = { kakao, discord, telegram, insta };
