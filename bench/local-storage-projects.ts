// Realistic `talkstudio_projects` content: the SPA's current shape, escaped text, a full theme copy.
import { kakaoThemeCopy } from "../dev/theme-fixture.js";

const LINES = [
  "오늘 저녁에 뭐 먹을까?",
  "I&#x27;m on my way &lt;3",
  "치킨 &amp; 맥주 콜?",
  "ㅋㅋㅋㅋ 진짜 웃기다",
  "내일 회의 몇 시였지? 10시 맞나",
  "사진 보내줄게 잠깐만",
];

const theme = kakaoThemeCopy();

/** One saved project with `messageCount` messages, as the SPA writes it to LocalStorage. */
export function localStorageProject(index: number, messageCount: number) {
  const created = Date.UTC(2024, 0, 1) + index * 3_600_000;
  return {
    id: `proj_${created}_${index.toString(36).padStart(7, "0")}`,
    title: `대화 ${index + 1}`,
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(created + 600_000).toISOString(),
    conversation: {
      platformSkin: index % 5 === 0 ? "kakaotalk" : "kakao",
      title: "민지",
      unreadCount: index % 10,
      authors: [
        { id: "me", name: "나", avatarUrl: "" },
        { id: "other", name: "민지", avatarUrl: "https://api.dicebear.com/7.x/avataaars/svg?seed=minji" },
      ],
      messages: Array.from({ length: messageCount }, (_, i) => ({
        id: `msg-${created}-${i}`,
        role: i % 2 ? "me" : "other",
        authorId: i % 2 ? "me" : "other",
        text: `${LINES[i % LINES.length]} (${i})`,
        datetime: "2024-01-01 오후 7:30",
      })),
    },
    theme,
    statusBar: { time: "12:30", battery: 80, isWifi: true },
  };
}

/** A LocalStorage holding `count` projects (newest first, as the SPA keeps them). */
export function localStorageWith(count: number, messageCount: number): Pick<Storage, "getItem"> {
  const projects = JSON.stringify(
    Array.from({ length: count }, (_, i) => localStorageProject(count - 1 - i, messageCount)),
  );
  return { getItem: (key) => (key === "talkstudio_projects" ? projects : null) };
}
