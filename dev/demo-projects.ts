// Seed conversations for the offline demo: what a TalkStudio user really keeps (Korean chats in
// the SPA's saved-project shape), not lorem ipsum.
const KAKAO_THEME = {
  id: "kakao",
  name: "카카오톡",
  canvasWidth: 390,
  canvasHeight: 844,
  backgroundType: "color",
  backgroundValue: "#B2C7DA",
  bubble: { me: "#FEE500", other: "#FFFFFF", system: "#A0AEC0" },
  fontFamily: "Pretendard, 'Apple SD Gothic Neo', 'Noto Sans KR', sans-serif",
  fontSize: 15,
};

const DISCORD_THEME = {
  id: "discord",
  name: "Discord",
  canvasWidth: 390,
  canvasHeight: 844,
  backgroundType: "color",
  backgroundValue: "#313338",
  bubble: { me: "#5865F2", other: "#2B2D31", system: "#949BA4" },
  fontFamily: "'gg sans', 'Noto Sans KR', sans-serif",
  fontSize: 15,
};

const avatar = (seed: string) => `https://api.dicebear.com/7.x/thumbs/svg?seed=${encodeURIComponent(seed)}`;

export const DEMO_USER = {
  uid: "demo-user",
  email: "demo@talkstudio.test",
  password: "talkstudio-demo",
  displayName: "데모 사용자",
};

export const DEMO_PROJECTS = [
  {
    id: "proj_1732400000000_a1b2c3d",
    title: "엄마랑 저녁 메뉴",
    createdAt: "2026-11-20T09:12:00.000Z",
    updatedAt: "2026-11-21T11:40:00.000Z",
    conversation: {
      platformSkin: "kakao",
      title: "엄마",
      unreadCount: 1,
      authors: [
        { id: "me", name: "나", avatarUrl: "" },
        { id: "other", name: "엄마", avatarUrl: avatar("mom") },
      ],
      messages: [
        { id: "divider-1", type: "dateDivider", text: "2026년 11월 21일 토요일" },
        {
          id: "m1",
          role: "other",
          authorId: "other",
          text: "오늘 저녁 뭐 먹고 싶어?",
          datetime: "2026-11-21 오후 5:02",
        },
        { id: "m2", role: "me", authorId: "me", text: "김치찌개! 😋", datetime: "2026-11-21 오후 5:03" },
        {
          id: "m3",
          role: "other",
          authorId: "other",
          text: "두부 사 올 수 있어?",
          datetime: "2026-11-21 오후 5:04",
        },
        {
          id: "m4",
          role: "me",
          authorId: "me",
          text: "응 가는 길에 살게 ㅎㅎ",
          datetime: "2026-11-21 오후 5:05",
        },
      ],
    },
    theme: KAKAO_THEME,
    statusBar: { time: "17:05", battery: 82, isWifi: true },
  },
  {
    id: "proj_1732300000000_e4f5g6h",
    title: "스터디 공지",
    createdAt: "2026-11-18T01:00:00.000Z",
    updatedAt: "2026-11-18T01:30:00.000Z",
    conversation: {
      platformSkin: "discord",
      title: "#알고리즘-스터디",
      unreadCount: 0,
      authors: [
        { id: "me", name: "지훈", avatarUrl: avatar("jihoon") },
        { id: "other", name: "서연", avatarUrl: avatar("seoyeon") },
        { id: "author-1732300000001", name: "민수", avatarUrl: avatar("minsu") },
      ],
      messages: [
        {
          id: "m1",
          role: "system",
          authorId: "other",
          text: "서연님이 채널에 들어왔어요.",
          datetime: "2026-11-18 오전 10:00",
        },
        {
          id: "m2",
          role: "other",
          authorId: "other",
          text: "이번 주 문제는 다익스트라입니다!",
          datetime: "2026-11-18 오전 10:01",
        },
        {
          id: "m3",
          role: "other",
          authorId: "author-1732300000001",
          text: "토요일 2시 맞죠?",
          datetime: "2026-11-18 오전 10:03",
        },
        {
          id: "m4",
          role: "me",
          authorId: "me",
          text: "네 강남역 스터디룸에서 봬요",
          datetime: "2026-11-18 오전 10:04",
        },
      ],
    },
    theme: DISCORD_THEME,
    statusBar: { time: "10:04", battery: 47, isWifi: false },
  },
  {
    id: "proj_1732200000000_i7j8k9l",
    title: "택배 문의",
    createdAt: "2026-11-15T05:00:00.000Z",
    updatedAt: "2026-11-15T05:10:00.000Z",
    conversation: {
      platformSkin: "kakao",
      title: "편의점 택배",
      unreadCount: 3,
      authors: [
        { id: "me", name: "나", avatarUrl: "" },
        { id: "other", name: "고객센터", avatarUrl: avatar("support") },
      ],
      messages: [
        {
          id: "m1",
          role: "me",
          authorId: "me",
          text: "송장번호 조회가 안 돼요",
          datetime: "2026-11-15 오후 2:00",
        },
        {
          id: "m2",
          role: "other",
          authorId: "other",
          text: "불편을 드려 죄송합니다. 확인 후 연락드릴게요.",
          datetime: "2026-11-15 오후 2:03",
        },
      ],
    },
    theme: KAKAO_THEME,
    statusBar: { time: "14:03", battery: 100, isWifi: true },
  },
];

/** A Kakao account the fake Kakao API of `npm start` knows, and a token that signs it in. */
export const DEMO_KAKAO_USER = {
  id: 3141592653,
  nickname: "카카오 데모",
  profileImageUrl: "https://k.kakaocdn.net/dn/demo/img_640x640.jpg",
  email: "kakao-demo@talkstudio.test",
  emailVerified: true,
};
export const DEMO_KAKAO_TOKEN = "demo-kakao-access-token";

/** The password of the seeded password-protected share (the other demo share is public). */
export const DEMO_SHARE_PASSWORD = "demo-share-pass";
