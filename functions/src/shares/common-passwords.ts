// The passwords people choose first, refused for share passwords (OWASP ASVS 5.0 §6.2.4 asks for the
// top 3,000). The list is generated here from the well-known families of weak passwords, not copied
// from any breach corpus: number and keyboard runs, common English words, Korean words typed on a
// QWERTY keyboard in the Korean (두벌식) layout, romanised Korean words and names, each with the
// suffixes people add. docs/sharing.md says why each family is there.

/** Keyboard runs: rows, columns and the zig-zags Korean users favour (qwer1234, 1q2w3e4r…). */
const KEYBOARD = [
  "1234567890",
  "qwertyuiop",
  "asdfghjkl",
  "zxcvbnm",
  "1q2w3e4r5t6y",
  "q1w2e3r4t5y6",
  "1qaz2wsx3edc",
  "qazwsxedcrfv",
  "zaq12wsx",
  "zaq1xsw2",
  "!qaz@wsx",
  "1qazxsw2",
  "qweasdzxc",
  "qweqweqwe",
  "asdasdasd",
  "zxczxczxc",
  "qwerasdf",
  "qwerzxcv",
  "asdfzxcv",
  "asdfqwer",
  "abcdefgh",
  "abcd1234",
  "abcd12345",
  "a1b2c3d4",
  "a1s2d3f4",
  "aaaaaaaa",
  "aa123456",
  "qq123456",
  "q1234567",
  "a1234567",
  "1234qwer",
  "1234asdf",
  "1234zxcv",
  "1234abcd",
  "12qwaszx",
  "123qweasd",
  "123qweasdzxc",
  "1q2w3e",
  "1q2w3e4r",
  "1q2w3e4r!",
  "1q2w3e4r5t",
  "qwer1234",
  "qwer1234!",
  "asdf1234",
  "asdf1234!",
  "zxcv1234",
  "qwert123",
  "qwert12345",
  "qwerty12",
  "qwerty123",
  "qwerty1234",
  "qwerty12345",
  "qwertyui",
  "asdfghjk",
  "zxcvbnm1",
  "zxcvbnm123",
  "poiuytrewq",
  "lkjhgfdsa",
  "mnbvcxz1",
];

const DIGITS = "0123456789";

/** Digit strings of 8 to 10: runs up and down from every digit, one digit repeated, short blocks repeated. */
function digitPasswords(): string[] {
  const found: string[] = [];
  const cycle = DIGITS.repeat(3);
  const down = [...cycle].reverse().join("");
  for (let length = 8; length <= 10; length++) {
    for (let start = 0; start < 10; start++) {
      found.push(cycle.slice(start, start + length), down.slice(start, start + length));
      found.push(String(start).repeat(length));
    }
  }
  for (const block of [
    "12",
    "123",
    "1234",
    "12345",
    "11",
    "112",
    "1122",
    "1212",
    "0000",
    "1004",
    "7777",
    "486",
  ])
    for (let repeat = 2; repeat <= 6; repeat++) found.push(block.repeat(repeat));
  found.push("11223344", "11112222", "12344321", "12341234", "10041004", "01012345678", "01000000000");
  return found;
}

/** Common English (and Konglish) words and names people build passwords from. */
const WORDS = [
  "password passw0rd p@ssword p@ssw0rd iloveyou sunshine princess football baseball basketball",
  "welcome dragon monkey letmein superman batman trustno1 starwars whatever computer michael shadow",
  "master jennifer jordan hunter ranger buster soccer harley hockey killer george charlie andrew",
  "michelle love lovely loveme angel angels babygirl family flower friends freedom summer winter",
  "spring autumn cookie chocolate banana orange purple yellow silver golden diamond heaven secret",
  "qwerty asdfgh zxcvbn admin administrator root user guest test tester login access default",
  "changeme hello helloworld internet samsung google apple iphone android facebook youtube",
  "instagram naver kakao kakaotalk talkstudio starcraft pokemon minecraft matrix forever happy",
  "smile tiger lion eagle pepper ginger maggie daniel thomas robert jessica ashley amanda nicole",
  "hannah player gamer ninja mustang ferrari porsche liverpool chelsea arsenal barcelona madrid",
  "manchester newyork london paris tokyo seoul busan korea china japan america music guitar piano",
  "coffee pizza cheese chicken doctor teacher student school college blessing jesus christ",
  "passport private office company manager service support system network security",
].flatMap((line) => line.split(" "));

/** Romanised Korean: words, the most frequent given names and family names (name, family+name). */
const ROMANISED = [
  "saranghae saranghe sarang annyeong annyung kimchi daehanminguk hangul hangeul oppa unnie eonni",
  "aegyo fighting hwaiting jjang chingu gongju wangja cheonsa haengbok haneul bada eomma appa uri",
  "urijip hyundai lotte bts blackpink twice bigbang exo kpop",
].flatMap((line) => line.split(" "));
const GIVEN_NAMES =
  "minjun seojun doyun jiho jiwoo seoyeon seoyun jiwon minji jimin sujin yuna hyunwoo jihoon minsu junho jisoo jungkook taehyung namjoon younghee chulsoo".split(
    " ",
  );
const FAMILY_NAMES = "kim lee park choi jung kang cho yoon jang lim".split(" ");

/** Korean words as typed with the keyboard left in English (사랑해 → tkfkdgo). */
const KOREAN = [
  "사랑해 사랑 사랑해요 안녕 안녕하세요 비밀번호 대한민국 행복 하늘 바다 엄마 아빠 우리집 친구 강아지",
  "고양이 가나다라 한글 컴퓨터 좋아해 보고싶어 감사합니다 화이팅 파이팅 최고 우리 나라 서울 부산 학교",
  "선생님 공주 왕자 천사 토끼 곰돌이 여보 자기야 애기 축구 야구 게임 카카오 네이버 삼성 비번 암호",
  "시작 로그인 몰라 아무거나 하나둘셋 일이삼사 가족 행운 희망 영원히 미소 마음 소망 김치 한국 자기",
].flatMap((line) => line.split(" "));

// 두벌식 keys of the 19 initial consonants, 21 vowels and 28 finals (the first: none), lowercase.
const INITIAL_KEYS = "r r s e e f a q q t t d w w c z x v g".split(" ");
const VOWEL_KEYS = "k o i o j p u p h hk ho hl y n nj np nl b m ml l".split(" ");
const FINAL_KEYS = ["", ..."r r rt s sw sg e f fr fa fq ft fx fv fg a q qt t t d w c z x v g".split(" ")];

/** A Hangul word as the keys that type it on a 두벌식 keyboard. */
export function dubeolsikKeys(word: string): string {
  let keys = "";
  for (const char of word) {
    const index = char.codePointAt(0)! - 0xac00;
    if (index < 0 || index > 11171) {
      keys += char;
      continue;
    }
    keys +=
      INITIAL_KEYS[Math.floor(index / 588)]! +
      VOWEL_KEYS[Math.floor((index % 588) / 28)]! +
      FINAL_KEYS[index % 28]!;
  }
  return keys;
}

/** What people append to a word: numbers, years, a symbol. */
const SUFFIXES = [
  "",
  "1",
  "12",
  "123",
  "1234",
  "12345",
  "123456",
  "!",
  "!!",
  "1!",
  "123!",
  "@",
  "00",
  "01",
  "11",
  "77",
  "88",
  "99",
  "2024",
  "2025",
  "2026",
];

/** The shortest password a share accepts (SHARE_LIMITS.passwordMinChars): shorter entries never matter. */
const MIN_CHARS = 8;

function generate(): Set<string> {
  const bases = [
    ...WORDS,
    ...ROMANISED,
    ...GIVEN_NAMES,
    ...FAMILY_NAMES.flatMap((family) => GIVEN_NAMES.map((given) => family + given)),
    ...KOREAN,
    ...KOREAN.map(dubeolsikKeys),
  ];
  const all = [
    ...KEYBOARD,
    ...digitPasswords(),
    ...bases.flatMap((base) => SUFFIXES.map((suffix) => base + suffix)),
  ];
  return new Set(all.filter((password) => password.length >= MIN_CHARS));
}

/** Every refused password, lowercase. Built once per instance (a few milliseconds). */
export const COMMON_PASSWORDS: ReadonlySet<string> = generate();

/** Whether `password` is one of the common ones, ignoring case (Qwer1234 is qwer1234). */
export const isCommonPassword = (password: string): boolean =>
  COMMON_PASSWORDS.has(password.normalize("NFC").toLowerCase());
