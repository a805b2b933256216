// The page's one stylesheet: the rules every skin shares, the skin's own (skins/<skin>.ts, written
// from its numbers) and the theme's values. Only values that passed look.ts reach it (colours,
// gradients and clamped numbers), so nothing from a conversation can end a rule or load anything.
import type { Look } from "./look.js";
import { SKINS } from "./skins/all.js";

const FONT = `"Pretendard Variable", Pretendard, "Apple SD Gothic Neo", "Noto Sans KR", "Malgun Gothic", system-ui, sans-serif`;

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
.icon{display:block;flex:none}
.back{display:flex;align-items:center;flex:none;margin-right:4px}
.tools{display:flex;align-items:center;flex:none}
.room .avatar{width:36px;height:36px;border-radius:12px}
.room .face{position:relative;display:flex;flex:none}
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
.inputbar .tool{width:36px;height:36px;border-radius:50%;display:flex;align-items:center;justify-content:center;flex:none}
.inputbar .icon{width:22px;height:22px}
.inputbar .field{flex:1;min-width:0;height:36px;border-radius:18px;display:flex;align-items:center;padding:0 14px}
.inputbar .placeholder{flex:1;min-width:0;font-size:15px;font-weight:400;opacity:.9;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
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

`;

/** Rules from the look: only the values the SPA's preview takes from the theme (docs/share-page.md). */
export function pageCss(look: Look): string {
  const { me, other, system } = look.bubble;
  const skin = SKINS[look.skin];
  const pad = (p: [number, number]) => `${p[0]}px ${p[1]}px`;
  const padding = skin.themed.bubblePadding
    ? `.msg.me .bubble{padding:${pad(me.padding)}}.msg.other .bubble{padding:${pad(other.padding)}}`
    : "";
  const colours = skin.themed.bubbleColours
    ? `.msg.me .bubble{background:${me.bg};color:${me.text}}.msg.other .bubble{background:${other.bg};color:${other.text}}`
    : "";
  return `${BASE}${skin.css}${padding}${colours}
.system span{background:${system.bg};color:${system.text};border-radius:${system.radius}px}
`;
}

/** The frame for the password form and the error pages (no conversation look). */
export const PLAIN_CSS = BASE;
