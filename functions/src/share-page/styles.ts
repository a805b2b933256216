// The page's one stylesheet. Only values that passed look.ts reach it (colours, gradients and
// clamped numbers), so nothing from a conversation can end a rule or load anything. Sizes and
// spacing are the SPA preview's, skin by skin (docs/share-page.md has the map of theme values).
import type { Look } from "./look.js";

const FONT = `"Pretendard Variable", Pretendard, "Apple SD Gothic Neo", "Noto Sans KR", "Malgun Gothic", system-ui, sans-serif`;

interface Tail {
  width: number;
  height: number;
  /** How far the tail reaches past the bubble's side. */
  offset: number;
  /** Clip paths of the tail on each side. */
  me: string;
  other: string;
}

/**
 * Grouped bubbles as KakaoTalk and Telegram draw them: a small corner on the group's side, a
 * large one at the group's top, and a tail on its last bubble.
 */
function tailedBubbles(skin: string, r: number, tail: Tail): string {
  const at = `.skin-${skin} .msg`;
  return `${at}.other .bubble{border-radius:4px ${r}px ${r}px 4px}${at}.other.first .bubble{border-radius:${r}px ${r}px ${r}px 4px}
${at}.me .bubble{border-radius:${r}px 4px 4px ${r}px}${at}.me.first .bubble{border-radius:${r}px ${r}px 4px ${r}px}
${at}.last .bubble::after{content:"";position:absolute;bottom:0;width:${tail.width}px;height:${tail.height}px;background:inherit}
${at}.me.last .bubble::after{right:-${tail.offset}px;clip-path:path("${tail.me}")}
${at}.other.last .bubble::after{left:-${tail.offset}px;clip-path:path("${tail.other}")}`;
}

const BASE = `
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font-family:${FONT};background:#F2F3F5;color:#1A1A1A;min-height:100vh;display:flex;flex-direction:column;align-items:center;-webkit-text-size-adjust:100%;line-height:1.5}
main{width:100%;max-width:430px;display:flex;flex-direction:column;align-items:stretch;padding:0 0 24px}
@media (min-width:600px){main{padding:32px 0}.phone{border-radius:28px;box-shadow:0 12px 40px rgba(0,0,0,.18);min-height:844px!important}}
.phone{overflow:hidden;display:flex;flex-direction:column;min-height:100vh;font-size:16px;font-weight:500;position:relative}
.statusbar{position:relative;display:flex;justify-content:space-between;align-items:center;height:44px;padding:14px 16px 0;flex:none}
.statusbar::before{content:"";position:absolute;width:150px;height:30px;left:calc(50% - 75px);top:-2px;border-radius:0 0 18px 18px;background:var(--notch,#000)}
.clock{font-size:15px;font-weight:600}
.icons{display:flex;align-items:center;gap:4px}
.signal{display:flex;align-items:flex-end;gap:1px;height:11px}.signal i{width:3px;border-radius:.5px;background:currentColor}
.signal i:nth-child(1){height:5px;opacity:.5}.signal i:nth-child(2){height:7px;opacity:.5}.signal i:nth-child(3){height:9px}.signal i:nth-child(4){height:11px}
.wifi{width:16px;height:12px;border-radius:50% 50% 0 0/100% 100% 0 0;border:1.5px solid currentColor;border-bottom:0;opacity:.8;clip-path:polygon(0 0,100% 0,100% 55%,50% 100%,0 55%)}
.lte{font-size:11px;font-weight:700}
.battery{position:relative;width:24px;height:12px;border:1px solid currentColor;border-radius:3px;opacity:.9;margin-right:3px}
.battery::after{content:"";position:absolute;right:-3.5px;top:3px;width:1.5px;height:4px;background:currentColor;border-radius:0 1px 1px 0;opacity:.5}
.battery i{position:absolute;left:1px;top:1px;height:8px;border-radius:2px;background:currentColor}
${Array.from({ length: 11 }, (_, i) => `.level-${i}{width:${i * 2}px}`).join("")}
.room{display:flex;align-items:center;justify-content:space-between;gap:8px;flex:none;position:relative}
.room .who{display:flex;align-items:center;gap:8px;min-width:0}
.room .titles{display:flex;flex-direction:column;min-width:0}
.room h1{margin:0;font-size:17px;font-weight:600;line-height:1.3;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.room small{font-size:12px;opacity:.7;line-height:1.2}
.back{width:12px;height:12px;border-left:2.5px solid currentColor;border-bottom:2.5px solid currentColor;transform:rotate(45deg);margin:0 8px 0 10px;flex:none}
.tools{display:flex;gap:16px;flex:none}.tools i{width:20px;height:20px;border:2px solid currentColor;border-radius:50%;opacity:.9}
.tools i+i{border-radius:2px;width:4px;border-width:0;background:radial-gradient(circle,currentColor 1.6px,transparent 2px) 0 0/4px 7px repeat-y}
.room .avatar{width:36px;height:36px;border-radius:12px}
.chat{list-style:none;margin:0;padding:8px 0;flex:1;display:flex;flex-direction:column;justify-content:flex-end}
.msg{display:flex;margin:0 0 2px}
.msg.last{margin-bottom:8px}
.msg.me{justify-content:flex-end}
.body{display:flex;flex-direction:column;min-width:0}
.msg.me .body{align-items:flex-end}
.msg.other .body{align-items:flex-start}
.name{font-weight:400}
.line{display:flex;align-items:flex-end;gap:4px;min-width:0}
.bubble{position:relative;margin:0;overflow-wrap:anywhere;word-break:keep-all;min-width:0}
.bubble .text{white-space:pre-wrap}
.photo{display:block;max-width:100%;border-radius:8px}
time,.stamp{white-space:nowrap;flex:none}
.avatar{position:relative;flex:none;overflow:hidden;display:inline-flex;align-items:center;justify-content:center;background:#C9D3DD;color:#fff;font-weight:700;font-size:15px}
.avatar img{position:absolute;inset:0;width:100%;height:100%;object-fit:cover;background:var(--behind,#fff)}
.avatar img::before{content:attr(data-initial);position:absolute;inset:0;display:flex;align-items:center;justify-content:center;background:#C9D3DD;color:#fff}
.gutter{flex:none}
.divider{display:flex;justify-content:center}
.divider>span{white-space:nowrap}
.system{display:flex;justify-content:center;margin:8px 0;padding:0 16px}
.system span{display:block;padding:8px 16px;font-size:12px;line-height:16px;text-align:center;overflow-wrap:anywhere}
.badge{background:#F23F43;color:#fff;font-size:11px;font-weight:700;border-radius:999px;padding:1px 6px}
.inputbar{display:flex;align-items:center;gap:8px;padding:8px 12px;flex:none}
.inputbar i{width:36px;height:36px;border-radius:18px;flex:none}
.inputbar .field{flex:1;height:36px;border-radius:18px}
.home{height:20px;padding-bottom:8px;display:flex;align-items:center;justify-content:center;flex:none}
.home i{width:134px;height:5px;border-radius:100px;background:currentColor}
.actions{display:flex;flex-wrap:wrap;gap:10px;justify-content:center;padding:18px 12px 0}
.pages{display:flex;gap:10px;align-items:center;justify-content:center;padding:18px 12px 0}
.pages .count{font-size:14px;color:#6B7280;min-width:4em;text-align:center}
.button{appearance:none;border:0;border-radius:12px;padding:12px 18px;font:inherit;font-size:15px;font-weight:600;text-decoration:none;cursor:pointer;background:#1A1A1A;color:#fff}
.button.secondary{background:#fff;color:#1A1A1A;box-shadow:inset 0 0 0 1px #D0D4D9}
.made{font-size:12px;color:#6B7280;text-align:center;margin-top:16px}
.made a{color:inherit}
.notice{background:#fff;border-radius:20px;margin:48px 16px;padding:32px 24px;text-align:center;box-shadow:0 6px 24px rgba(0,0,0,.08)}
.notice h1{font-size:20px;margin:0 0 8px}
.notice p{color:#4B5563;margin:0 0 16px;line-height:1.5}
.notice form{display:flex;flex-direction:column;gap:10px;margin-top:8px}
.notice input{font:inherit;font-size:16px;padding:12px 14px;border-radius:12px;border:1px solid #D0D4D9}
.notice .error{color:#B91C1C;font-weight:600}

.skin-kakao{background:#B2C7D9;--behind:#B2C7D9}
.skin-kakao .statusbar,.skin-kakao .room{background:#404D5B;color:#fff}
.skin-kakao .room{height:56px;padding:8px 12px}
.skin-kakao .msg{padding:0 12px;align-items:flex-end}
.skin-kakao .msg>.avatar,.skin-kakao .gutter{width:38px;height:38px;border-radius:13px;margin-right:8px}
.skin-kakao .gutter{height:1px}
.skin-kakao .body{max-width:70%}
.skin-kakao .msg.me .line{flex-direction:row-reverse}
.skin-kakao .name{font-size:12px;color:#666;margin:0 0 4px 2px}
.skin-kakao .bubble{line-height:1.5;box-shadow:0 1px 1px rgba(0,0,0,.05)}
.skin-kakao .bubble .text{font-size:15px;line-height:1.2}
${tailedBubbles("kakao", 13.5, { width: 8, height: 12, offset: 5, me: "M0 12C1 7 4 2 8 0V12Z", other: "M8 12C7 7 4 2 0 0V12Z" })}
.skin-kakao .stamp{display:flex;align-items:flex-end;gap:3px}
.skin-kakao .read{font-size:11px;font-weight:500;color:#A0A0A0}
.skin-kakao time{font-size:10px;font-weight:300;color:#999;white-space:normal}
.skin-kakao .stamp{flex:none;white-space:nowrap}
.skin-kakao .divider{padding:8px 0}
.skin-kakao .divider>span{background:rgba(0,0,0,.25);border-radius:34px;padding:4px 12px;color:#fff}
.skin-kakao .divider>span>span{font-size:12px}
.skin-kakao .inputbar{background:#fff;border-top:1px solid #E5E5E5}.skin-kakao .inputbar i,.skin-kakao .inputbar .field{background:#F5F5F5}
.skin-kakao .inputbar i+.field+i{background:none;border:1.5px solid #999;width:24px;height:24px;margin:6px}
.skin-kakao .home{background:#fff;color:#000}

.skin-telegram{background:linear-gradient(180deg,#C9DDEA 0%,#D4E4F0 100%);--behind:#CFE1EE;--notch:#527DA3}
.skin-telegram .statusbar,.skin-telegram .room{background:#527DA3;color:#fff}
.skin-telegram .room{height:56px;padding:0 8px}
.skin-telegram .room .who{flex-direction:row-reverse;flex:1;justify-content:space-between}
.skin-telegram .room .titles{align-items:center;flex:1}
.skin-telegram .room .avatar{border-radius:50%}
.skin-telegram .tools{display:none}
.skin-telegram .msg{padding:0 8px}
.skin-telegram .bubble{display:flex;flex-wrap:wrap;align-items:flex-end;gap:4px;max-width:75%;padding:6px 10px;box-shadow:0 1px .5px rgba(0,0,0,.08)}
.skin-telegram .bubble .text{font-size:17px;line-height:1.29}
${tailedBubbles("telegram", 17, { width: 9, height: 17, offset: 6, me: "M0 17C1 11 3 5 9 0C4 5 1 11 0 17Z", other: "M9 17C8 11 6 5 0 0C5 5 8 11 9 17Z" })}
.skin-telegram .stamp{display:flex;align-items:center;gap:2px;margin:0 0 -2px 4px;font-size:11px;color:#999}
.skin-telegram .msg.me .stamp{color:#4FAE4E}
.skin-telegram .checks{position:relative;width:16px;height:11px}
.skin-telegram .checks::before,.skin-telegram .checks::after{content:"";position:absolute;top:1px;width:4px;height:7px;border:solid #34C759;border-width:0 1.5px 1.5px 0;transform:rotate(40deg)}
.skin-telegram .checks::before{left:4px}.skin-telegram .checks::after{left:8px}
.skin-telegram .divider{padding:8px 0}
.skin-telegram .divider>span{background:rgba(0,0,0,.15);border-radius:16px;padding:4px 10px;color:#fff}
.skin-telegram .divider>span>span{font-size:13px;font-weight:500}
.skin-telegram .inputbar{background:#F6F6F6;border-top:1px solid #E5E5EA;padding:6px 8px}.skin-telegram .inputbar .field{background:#fff;border:1px solid #E5E5EA}
.skin-telegram .home{background:#F6F6F6;color:#000}

.skin-insta{background:#fff;color:#262626;--behind:#fff}
.skin-insta .statusbar,.skin-insta .room{background:#fff;color:#000}
.skin-insta .room{height:60px;padding:8px 16px}
.skin-insta .room .who{flex:1}
.skin-insta .room .avatar{border-radius:50%}
.skin-insta .msg{flex-direction:column;align-items:flex-start;padding:0 16px}
.skin-insta .msg.me{align-items:flex-end}
.skin-insta .separator{align-self:stretch;text-align:center;margin-bottom:8px;font-size:11px;color:#8E8E8E;text-transform:uppercase}
.skin-insta .line{gap:8px;width:100%}.skin-insta .msg.me .line{justify-content:flex-end}
.skin-insta .msg>.line>.avatar,.skin-insta .gutter{width:28px;height:28px;border-radius:50%}
.skin-insta .gutter{height:1px}
.skin-insta .bubble{line-height:1.5;padding:8px 12px;max-width:70%}
.skin-insta .bubble .text{font-size:15px;line-height:1.33}
.skin-insta .msg.other .bubble{border-radius:4px 22px 22px 4px}.skin-insta .msg.other.first .bubble{border-radius:22px 22px 22px 4px}
.skin-insta .msg.me .bubble{border-radius:22px 4px 4px 22px}.skin-insta .msg.me.first .bubble{border-radius:22px 22px 4px 22px}
.skin-insta .seen{font-size:11px;color:#8E8E8E;margin:4px 4px 0 0}
.skin-insta .divider{padding:12px 0}
.skin-insta .divider>span{font-size:12px;color:#8E8E8E;text-transform:uppercase;letter-spacing:.05em}
.skin-insta .inputbar{border-top:.5px solid #DBDBDB}.skin-insta .inputbar .field{height:40px;border-radius:20px;border:1px solid #DBDBDB}
.skin-insta .home{color:#000}

.skin-discord{background:#1C1D23;color:#fff;--behind:#1C1D23}
.skin-discord .statusbar{height:47px;padding:14px 27px 0}
.skin-discord .statusbar,.skin-discord .room{background:#1C1D23;color:#fff}
.skin-discord .room{height:55px;padding:0 12px;border-bottom:1px solid #22232A}
.skin-discord .room .who{flex:1}
.skin-discord .room .avatar{width:32px;height:32px;border-radius:50%}
.skin-discord .room h1{color:#E4E5E8}
.skin-discord .chat{padding:10px;justify-content:flex-start}
.skin-discord .msg,.skin-discord .msg.last{padding:0 12px;margin:0;align-items:flex-start;justify-content:flex-start}
.skin-discord .msg.first{margin-top:8px}
.skin-discord .msg>.avatar{width:40px;height:40px;border-radius:26.67px}
.skin-discord .body,.skin-discord .msg.me .body{flex:1;margin-left:50px;padding:2px 0 6px;gap:10px;align-items:stretch}
.skin-discord .msg.first .body{margin-left:10px}
.skin-discord .meta{display:flex;align-items:center;gap:11px}
.skin-discord .name{font-size:17px;font-weight:656;line-height:20px;letter-spacing:.01em;color:#C7C8CE}
.skin-discord .msg.me .name{color:#949CF7}
.skin-discord .meta time{padding-left:10px;font-size:12px;font-weight:457;line-height:14px;color:#9597A3}
.skin-discord .bubble{font-size:15px;font-weight:457;line-height:18px;color:#fff}
.skin-discord .divider{height:32px;padding:12px 10px;align-items:center;gap:8px}
.skin-discord .divider::before,.skin-discord .divider::after{content:"";flex:1;height:1px;background:#303139}
.skin-discord .divider>span{font-size:12px;font-weight:457;color:#818491;letter-spacing:-.02em}
.skin-discord .inputbar{background:#1C1D23;padding:12px}.skin-discord .inputbar i,.skin-discord .inputbar .field{background:#25272E}
.skin-discord .home{color:#fff}
`;

/** Rules from the look: only the values the SPA's preview takes from the theme (docs/share-page.md). */
export function pageCss(look: Look): string {
  const { me, other, system } = look.bubble;
  const pad = (p: [number, number]) => `${p[0]}px ${p[1]}px`;
  // Discord and Telegram draw their own paddings; KakaoTalk takes the theme's.
  const padding =
    look.skin === "kakao"
      ? `.msg.me .bubble{padding:${pad(me.padding)}}.msg.other .bubble{padding:${pad(other.padding)}}`
      : "";
  const colours =
    look.skin === "discord"
      ? ""
      : `.msg.me .bubble{background:${me.bg};color:${me.text}}.msg.other .bubble{background:${other.bg};color:${other.text}}`;
  return `${BASE}${padding}${colours}
.system span{background:${system.bg};color:${system.text};border-radius:${system.radius}px}
`;
}

/** The frame for the password form and the error pages (no conversation look). */
export const PLAIN_CSS = BASE;
