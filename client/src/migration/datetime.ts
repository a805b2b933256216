// Message times in every form the SPA leaves behind, turned into its own "YYYY-MM-DD 오후 H:MM"
// wherever that can be derived (docs/conversations.md lists the sources). Korea's clock throughout:
// the SPA formats in the browser's zone and its users are in Korea.
import { cutText, LIMITS } from "../schema/index.js";

type Period = "오전" | "오후";

const seoul = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Seoul",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "YYYY-MM-DD" of an instant in Korea. */
function koreanDay(instant: Date): string {
  const part = partsOf(instant);
  return `${part.year}-${part.month}-${part.day}`;
}

function partsOf(instant: Date): Record<"year" | "month" | "day" | "hour" | "minute", string> {
  const parts = Object.fromEntries(seoul.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: parts.year ?? "",
    month: parts.month ?? "",
    day: parts.day ?? "",
    hour: parts.hour ?? "",
    minute: parts.minute ?? "",
  };
}

/** The SPA's clock: 0:05 → "오전 12:05", 13:30 → "오후 1:30". */
function clock(hour: number, minute: string): string {
  const period: Period = hour >= 12 ? "오후" : "오전";
  return `${period} ${hour % 12 === 0 ? 12 : hour % 12}:${minute}`;
}

function fromInstant(instant: Date): string {
  const p = partsOf(instant);
  return `${p.year}-${p.month}-${p.day} ${clock(Number(p.hour), p.minute)}`;
}

const pad2 = (value: string) => value.padStart(2, "0");

/** Already the SPA's form: kept exactly as the user saw it. */
const SPA_FORM = /^\d{4}-\d{2}-\d{2}\s+(오전|오후)\s*\d{1,2}:\d{2}$/;
/** An ISO timestamp (the AI batch results' `new Date().toISOString()`). */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
/**
 * "오후 02:30" at the end: what the SPA's preview shows, whatever came before it. A browser without
 * Korean locale data prints `toLocaleTimeString("ko-KR")` as "PM 02:30".
 */
const KOREAN_CLOCK = /(오전|오후|AM|PM)\s*(\d{1,2}):(\d{2})$/i;
const PERIODS: Record<string, Period> = { 오전: "오전", 오후: "오후", am: "오전", pm: "오후" };
/** The first date in the text: the SPA's date field reads it from there. */
const LEADING_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/;
/** "14:30" or "2024/1/5 14:30": spreadsheet times. */
const CLOCK_24 = /(?:^|\s)(\d{1,2}):(\d{2})(?::\d{2})?$/;

/**
 * A message time as the SPA's "YYYY-MM-DD 오전|오후 H:MM". `day` completes a time that has no date
 * (the project's creation day). What cannot be read as a time is kept as the user typed it, only
 * cut to LIMITS.datetimeChars: the editor's time box is free text.
 */
export function spaDatetime(value: unknown, day: Date): string {
  if (typeof value === "number" && Number.isFinite(value)) return fromInstant(new Date(value));
  if (typeof value !== "string") return "";
  const text = value.trim();
  if (text === "" || SPA_FORM.test(text)) return text;
  if (ISO.test(text) && Number.isFinite(Date.parse(text))) return fromInstant(new Date(text));

  const leading = LEADING_DATE.exec(text);
  const date = leading ? `${leading[1]}-${pad2(leading[2] ?? "")}-${pad2(leading[3] ?? "")}` : koreanDay(day);
  const korean = KOREAN_CLOCK.exec(text);
  if (korean) {
    return `${date} ${PERIODS[(korean[1] ?? "").toLowerCase()] ?? "오후"} ${Number(korean[2])}:${korean[3]}`;
  }
  const h24 = CLOCK_24.exec(text);
  if (h24 && Number(h24[1]) < 24) return `${date} ${clock(Number(h24[1]), h24[2] ?? "00")}`;
  if (leading && leading[0] === text) return `${date} ${clock(12, "00")}`;
  return cutText(text, LIMITS.datetimeChars);
}
