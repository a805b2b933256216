// Drives the SPA's own modules (bundled from a local copy by generate.ts) through what people do,
// and prints the LocalStorage each scenario leaves. Where the step lives in a React component
// (the message editor's inputs, the AI generator's result handling), the component's calls into
// the store are made here with the same arguments; docs/conversations.md lists them.
import { advance, takeLocalStorage } from "./clock.mjs";
import ExcelJS from "exceljs";
import useChatStore from "@spa/store/useChatStore.js";
import { combineDateTime, extractDate, extractTime, getCurrentDateTime } from "@spa/utils/timeValidation.js";
import { parseExcel } from "@spa/services/excelParser.js";

const store = () => useChatStore.getState();
const fresh = () => useChatStore.setState(useChatStore.getInitialState(), true);
const think = () => advance(1_000 + Math.floor(Math.random() * 20_000));
const messages = () => store().conversation.messages;
const last = () => messages().at(-1);

/** The editor's "add message" button for an author, then typing into the new bubble's text box. */
function say(authorId, text) {
  think();
  store().addMessage({
    role: authorId === "me" ? "me" : "other",
    authorId,
    text: "",
    datetime: getCurrentDateTime(),
  });
  const { id } = last();
  for (let end = 1; end <= text.length; end += Math.max(1, Math.floor(text.length / 4))) {
    store().updateMessage(id, { text: text.slice(0, end) });
  }
  store().updateMessage(id, { text });
  return id;
}

/** Typing into a message's time box one keystroke at a time, as the editor feeds each value back. */
function typeTime(id, typed) {
  let value = "";
  for (const char of typed) {
    think();
    const message = messages().find((m) => m.id === id);
    // The box shows extractTime(datetime); select-all then typing replaces it on the first key.
    value = value === "" ? char : extractTime(message.datetime) + char;
    store().updateMessage(id, { datetime: combineDateTime(extractDate(message.datetime), value) });
  }
}

/** The date picker of a message. */
function pickDate(id, date) {
  const message = messages().find((m) => m.id === id);
  store().updateMessage(id, { datetime: combineDateTime(date, extractTime(message.datetime)) });
}

function save() {
  think();
  const result = store().saveCurrentProject();
  if (!result.success) throw new Error(`saveCurrentProject failed: ${result.message}`);
}

function editorScenario() {
  // 1. First visit: the sample conversation saved as it is.
  save();

  // 2. A new project written by hand, with most of the editor's controls.
  store().createNewProject();
  store().setTitle("민지 & 'Tom' <3 / 동창회");
  const hi = say("other", "야 내일 7시 맞지?");
  say("me", "ㅇㅇ 강남역 11번 출구 😀");
  pickDate(hi, "2025-03-13"); // the date picker wipes the bubble's text (the store resets it)…
  store().updateMessage(hi, { text: "야 내일 7시 맞지?" }); // …so people type it again
  const late = say("me", "늦으면 연락해");
  typeTime(late, "오후 6:58"); // keystroke by keystroke: the store keeps the date prefixes it gathers
  store().updateMessage(late, { text: "늦으면 연락해" });
  think();
  store().addDateDivider();
  think();
  store().insertDateDividerAt(0, "2025년 3월 13일 목요일");
  for (let i = 0; i < 3; i++) {
    think();
    store().addAuthor();
  }
  const [, , third, fourth, fifth] = store().conversation.authors;
  // Each edit of a participant resets the field it did not name: a name wipes the avatar and back.
  store().updateAuthor(third.id, { name: "지훈 <관리자>" });
  store().updateAuthor(fourth.id, { avatarUrl: "https://example.com/my avatar.png" });
  say(third.id, '나도 갈게 "진짜로"');
  say(fourth.id, "  앞뒤 공백은 사라져요  ");
  const copy = say("me", "복제할 메시지");
  think();
  store().duplicateMessage(copy);
  store().moveMessageUp(last().id);
  say(fifth.id, "곧 나갈 사람");
  store().removeAuthor(fifth.id); // their messages become "me"
  store().setUnreadCount(1234);
  store().updateStatusBar({ time: "오전 9:41 (배터리 표시는 안 바꿈)" });
  store().updateMessage(say("other", "시간 칸을 지운 메시지"), { datetime: combineDateTime("", "") });
  say("me", "");
  // A long paste: the sanitizer cuts at 1000 UTF-16 units, here through the middle of the emoji.
  say("other", `${"ㅋ".repeat(999)}😀 끝`);
  save();
  const handWritten = store().currentProjectId;

  // 3. Re-opened later: the text box starts from the stored (escaped) text and gets one more edit.
  store().createNewProject("빈 프로젝트");
  save();
  think();
  store().loadProject(handWritten);
  const reopened =
    messages().find((m) => !m.type && m.text.includes("&#x27;")) ??
    messages().find((m) => !m.type && m.text !== "");
  store().updateMessage(reopened.id, { text: `${reopened.text}!` });
  store().setPlatform("discord");
  save();

  // 4. Up to ten participants, then the look switched to telegram and a theme colour changed.
  store().createNewProject();
  for (let i = 0; i < 12; i++) {
    think();
    store().addAuthor(); // the eleventh and twelfth are refused: ten at most
  }
  store().conversation.authors.forEach((a, i) => say(a.id, `${i}번째 참가자`));
  store().setPlatform("telegram");
  store().updateTheme({ backgroundValue: "#DDEEFF" });
  // The background image box takes any text: an image copied from a web page pastes as a data: URL.
  store().updateTheme({
    backgroundType: "image",
    backgroundImageUrl: `data:image/png;base64,${"iVBORw0KGgo".repeat(4000)}`,
  });
  store().updateBubbleStyle("me", { bg: "#00FF00" });
  save();
  return "The editor: the sample, a hand-written chat with most controls, a re-opened and re-saved project, ten participants.";
}

const API_LINES = [
  "주말에 뭐 해?",
  "영화 볼까 생각 중",
  "무슨 영화?",
  "아직 몰라 ㅋㅋ 추천해줘",
  "듄 어때",
  "좋아!",
];

/** What the AI generator's "generate" passes to the store for an /api/generate response. */
function generate(platform, { withDatetimes }) {
  think();
  const when = getCurrentDateTime();
  const apiMessages = API_LINES.map((text, i) => ({
    id: `ai-${Date.now()}-${i}`,
    role: i % 2 ? "me" : "other",
    authorId: i % 2 ? "me" : "other",
    text,
    ...(withDatetimes ? { datetime: when } : {}),
  }));
  store().setMessages(
    apiMessages.map((m, i) => ({
      id: m.id ?? `ai-${Date.now()}-${i}`,
      sender: m.role,
      type: "text",
      text: m.text,
      time: m.datetime ?? new Date().toLocaleTimeString("ko-KR", { hour: "2-digit", minute: "2-digit" }),
    })),
  );
  store().setPlatform(platform);
  store().updateAuthor("me", { name: "나" });
  store().updateAuthor("other", { name: "상대방" });
}

/** What "load into editor" of one AI batch result passes to the store. */
function loadBatchResult(withTimestamps) {
  think();
  const results = API_LINES.map((text, i) => ({
    speaker: i % 2 ? "me" : "other",
    text,
    ...(withTimestamps ? { timestamp: new Date(Date.now() + i * 60_000).toISOString() } : {}),
    ...(i === 2 ? { type: "emoji" } : {}),
  }));
  store().setMessages(
    results.map((m, i) => ({
      id: `batch-${Date.now()}-${i}`,
      sender: m.speaker === "me" ? "me" : "other",
      type: m.type || "text",
      text: m.text,
      time: m.timestamp || new Date().toISOString(),
    })),
  );
}

function aiScenario() {
  for (const [platform, withDatetimes] of [
    ["kakaotalk", true],
    ["discord", true],
    ["telegram", false],
    ["instagram", true],
  ]) {
    store().createNewProject();
    generate(platform, { withDatetimes });
    save();
  }
  store().createNewProject();
  loadBatchResult(true);
  save();
  store().createNewProject();
  loadBatchResult(false);
  save();
  return "The AI generator: a result per platform (its own platform names), one without times, and two batch results loaded into the editor.";
}

async function excelFile(rows) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("대화");
  sheet.addRow(["speaker", "text", "name", "time", "type"]);
  for (const row of rows) sheet.addRow(row);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { name: "대화.xlsx", size: buffer.length, arrayBuffer: async () => buffer };
}

async function importExcel(rows) {
  store().createNewProject();
  const { messages: parsed } = await parseExcel(await excelFile(rows));
  store().setMessages(parsed);
  save();
}

async function excelScenario() {
  const speakers = ["나", "민지", "시스템", "me", "지훈", "1"];
  const times = [
    "12:30",
    "23:05",
    new Date(Date.UTC(2025, 0, 5, 5, 30)),
    45678.75,
    "2025/1/5 14:30",
    "2025.01.06",
    "어제 밤",
    "오후 3:20",
    null,
  ];
  const rows = Array.from({ length: 600 }, (_, i) => [
    speakers[i % speakers.length],
    i === 7 ? "긴 메시지 ".repeat(240) : `${i + 1}번째 줄 <b>굵게</b> & "따옴표" 😀`,
    i % 5 === 0 ? null : `별명${i % 3}`,
    times[i % times.length],
    i % 11 === 0 ? "이모티콘" : null,
  ]);
  await importExcel(rows);
  await importExcel([
    ["me", "안녕하세요!", "나", "12:30", "text"],
    ["other", "반갑습니다! TalkStudio입니다.", "상대방", "12:31", "text"],
    ["me", "우와, 정말 편리하네요!", "나", "12:32", "text"],
  ]);
  return "The Excel import: a 600-row sheet with every time form the parser reads, and the SPA's own template.";
}

const scenarios = [];
for (const [name, run] of [
  ["editor", editorScenario],
  ["ai-generator", aiScenario],
  ["excel", excelScenario],
]) {
  fresh();
  const description = await run();
  scenarios.push({ name, description, localStorage: takeLocalStorage() });
}
process.stdout.write(JSON.stringify(scenarios));
