// The page's one stylesheet. Only values that passed look.ts reach it (colours, gradients and
// clamped numbers), so nothing from a conversation can end a rule or load anything.
import type { Look } from "./look.js";

const FONT = `Pretendard, "Pretendard Variable", "Apple SD Gothic Neo", "Noto Sans KR", "Malgun Gothic", system-ui, sans-serif`;

const BASE = `
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font-family:${FONT};background:#F2F3F5;color:#1A1A1A;min-height:100vh;display:flex;flex-direction:column;align-items:center;-webkit-text-size-adjust:100%}
main{width:100%;max-width:430px;display:flex;flex-direction:column;align-items:stretch;padding:0 0 24px}
@media (min-width:600px){main{padding:32px 0}.phone{border-radius:28px;box-shadow:0 12px 40px rgba(0,0,0,.18)}}
.phone{overflow:hidden;display:flex;flex-direction:column;min-height:70vh}
.statusbar{display:flex;justify-content:space-between;padding:10px 20px 6px;font-size:13px;font-weight:600}
.room{display:flex;align-items:center;gap:10px;padding:10px 14px;min-height:52px}
.room h1{flex:1;margin:0;font-size:17px;font-weight:700;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.back{font-size:28px;line-height:1;opacity:.9}
.chat{list-style:none;margin:0;padding:8px 10px 20px;flex:1;display:flex;flex-direction:column;justify-content:flex-end;gap:2px}
.msg{display:flex;align-items:flex-start;gap:8px}
.msg.first{margin-top:8px}
.msg.me{justify-content:flex-end}
.body{display:flex;flex-direction:column;max-width:75%;min-width:0}
.msg.me .body{align-items:flex-end}
.name{font-size:12px;font-weight:500;margin:0 0 4px 2px}
.line{display:flex;align-items:flex-end;gap:5px}
.msg.me .line{flex-direction:row-reverse}
.bubble{margin:0;padding:8px 10px;white-space:pre-wrap;overflow-wrap:anywhere;word-break:keep-all;line-height:1.35}
.bubble .text{white-space:pre-wrap}
.photo{display:block;max-width:100%;border-radius:8px}
time{font-size:10px;white-space:nowrap;flex:none}
.avatar{flex:none;object-fit:cover;display:inline-flex;align-items:center;justify-content:center;background:#C9D3DD;color:#fff;font-weight:700}
.gutter{flex:none}
.divider,.system{display:flex;justify-content:center;margin:12px 0 6px}
.divider span,.system span{font-size:12px;padding:4px 12px;border-radius:999px;max-width:85%;text-align:center;overflow-wrap:anywhere}
.badge{background:#F23F43;color:#fff;font-size:11px;font-weight:700;border-radius:999px;padding:1px 6px}
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
.skin-discord .msg{gap:12px}.skin-discord .body{max-width:100%}.skin-discord .msg.me{justify-content:flex-start}
.skin-discord .msg.me .body{align-items:flex-start}.skin-discord .msg.me .line{flex-direction:row}
.skin-discord .meta{display:flex;align-items:baseline;gap:8px}.skin-discord .name{font-size:15px;font-weight:600;margin:0}
.skin-discord .bubble{padding:2px 0}.skin-discord .msg.first{margin-top:14px}
.skin-telegram .bubble time{float:right;margin:6px 0 -4px 10px;position:relative;top:4px}
.skin-kakao .room h1,.skin-telegram .room h1,.skin-insta .room h1{text-align:center;margin-right:24px}
.skin-insta .room{border-bottom:1px solid #DBDBDB}
.skin-insta .msg.other .body{margin-left:0}
`;

/** Rules from the look: colours, sizes and radii of this conversation. */
export function pageCss(look: Look): string {
  const { bubble: b } = look;
  const avatar = `${look.avatarSize}px`;
  return `${BASE}
.phone{background:${look.background};font-size:${look.fontSize}px}
.statusbar,.room{background:${look.headerBg};color:${look.headerText}}
.name{color:${look.nameColor}}
time{color:${look.timeColor}}
.avatar,.gutter{width:${avatar};height:${avatar};border-radius:${look.avatarRadius};font-size:${Math.round(look.avatarSize / 2.4)}px}
.gutter{height:1px}
.msg.me .bubble{background:${b.me.bg};color:${b.me.text};border-radius:${b.me.radius}px}
.msg.other .bubble{background:${b.other.bg};color:${b.other.text};border-radius:${b.other.radius}px}
.divider span,.system span{background:${b.system.bg};color:${b.system.text}}
`;
}

/** The frame for the password form and the error pages (no conversation look). */
export const PLAIN_CSS = BASE;
