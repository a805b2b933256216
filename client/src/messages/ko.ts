import type { MessageTable } from "./table.js";

export const ko: MessageTable = {
  kinds: {
    "not-signed-in": "로그인이 필요해요. 다시 로그인해 주세요.",
    "recent-login-required": "보안을 위해 한 번 더 로그인한 뒤 다시 시도해 주세요.",
    "permission-denied": "이 작업을 할 권한이 없어요.",
    invalid: "입력한 내용이 올바르지 않거나 허용된 크기를 넘었어요.",
    "not-found": "찾을 수 없어요. 이미 삭제되었을 수 있어요.",
    conflict: "다른 탭이나 기기에서 먼저 저장했어요. 어느 쪽을 남길지 골라 주세요.",
    "failed-precondition": "지금은 이 작업을 할 수 없어요.",
    "rate-limited": "요청이 너무 많아요. 잠시 후 다시 시도해 주세요.",
    unavailable: "서버에 연결할 수 없어요. 인터넷 연결을 확인한 뒤 다시 시도해 주세요.",
    cancelled: "로그인을 취소했어요.",
    unknown: "알 수 없는 오류가 생겼어요. 잠시 후 다시 시도해 주세요.",
  },
  reasons: {
    "invalid-input": "요청 내용이 올바르지 않아요.",
    "not-signed-in": "로그인이 필요해요. 다시 로그인해 주세요.",
    "app-check-failed": "앱을 확인하지 못했어요. 페이지를 새로 고친 뒤 다시 시도해 주세요.",
    "account-closed": "탈퇴했거나 사용이 중지된 계정이에요. 다른 계정으로 다시 로그인해 주세요.",
    "too-many-shares": "이 대화에는 이미 공유 링크가 5개 있어요. 하나를 취소한 뒤 다시 만들어 주세요.",
    "not-an-editor": "이 대화의 소유자와 편집자만 할 수 있어요.",
    "version-not-found": "이 버전을 찾을 수 없어요. 보관 기간이 지났을 수 있어요.",
    "version-named-by-another": "다른 사람이 이름을 붙인 버전이에요. 이름은 붙인 사람만 바꿀 수 있어요.",
    "too-many-named-versions":
      "이 대화에 이름을 붙일 수 있는 버전 수를 모두 썼어요. 이름 붙인 버전은 30일 뒤에 사라져요.",
    "rate-limited": "요청이 너무 많아요. 잠시 후 다시 시도해 주세요.",
    busy: "서버가 바빠요. 잠시 후 다시 시도해 주세요.",
    "kakao-token-invalid": "카카오 로그인이 만료되었어요. 다시 로그인해 주세요.",
    "kakao-wrong-app": "이 카카오 로그인은 TalkStudio 앱의 것이 아니에요.",
    "kakao-unavailable": "카카오에 연결할 수 없어요. 잠시 후 다시 시도해 주세요.",
    "conversation-not-found": "대화를 찾을 수 없어요. 이미 삭제되었을 수 있어요.",
    "conversation-invalid": "이 대화는 저장된 형식이 올바르지 않아 공유할 수 없어요.",
    "share-not-found": "공유 링크를 찾을 수 없어요.",
    "share-expired": "공유 기간이 끝났어요.",
    "share-revoked": "공유한 사람이 링크를 끊었어요.",
    "password-required": "비밀번호가 필요한 공유예요.",
    "wrong-password": "비밀번호가 맞지 않아요.",
    "password-too-common":
      "너무 흔해서 쉽게 추측되는 비밀번호예요(예: 12345678, qwer1234, 1q2w3e4r). 다른 비밀번호를 정해 주세요.",
    "download-not-allowed": "이 공유는 내려받기나 복사를 허용하지 않아요.",
    "invite-not-found": "존재하지 않는 초대 링크예요. 링크를 빠짐없이 복사했는지 확인해 주세요.",
    "invite-expired": "초대 링크가 만료되었어요. 소유자에게 새 링크를 요청해 주세요.",
    "invite-revoked": "소유자가 이 초대 링크를 취소했어요. 새 링크를 요청해 주세요.",
    "invite-used-up": "이 초대 링크는 사용 가능한 횟수를 모두 썼어요. 소유자에게 새 링크를 요청해 주세요.",
    "too-many-invites": "이 대화에는 이미 초대 링크가 10개 있어요. 하나를 취소한 뒤 다시 만들어 주세요.",
    "too-many-members": "이 대화에는 이미 멤버가 20명 있어서 더 참여할 수 없어요.",
    "owner-cannot-leave": "소유자는 자기 대화에서 나갈 수 없어요. 대신 대화를 삭제해 주세요.",
    "conversation-exists": "같은 ID의 대화가 이미 있어요.",
    "wrong-file-type": "이 파일 형식은 올릴 수 없어요.",
    "file-too-large": "파일이 너무 커요.",
    "project-too-large": "프로젝트가 허용된 크기를 넘었어요. 줄여 주세요.",
    "project-invalid": "이 프로젝트에 저장할 수 없는 내용이 있어요. 마지막으로 맞던 상태는 저장되어 있어요.",
    "empty-file": "빈 파일이에요.",
    "auth/popup-closed-by-user": "로그인 창을 닫았어요.",
    "auth/cancelled-popup-request": "로그인 창이 이미 열려 있어요.",
    "auth/user-cancelled": "로그인을 취소했어요.",
    "auth/popup-blocked": "브라우저가 로그인 창을 막았어요. 팝업을 허용한 뒤 다시 시도해 주세요.",
    "auth/operation-not-supported-in-this-environment":
      "이 브라우저에서는 로그인할 수 없어요. 다른 브라우저로 열어 주세요.",
    "auth/web-storage-unsupported":
      "브라우저 저장소를 쓸 수 없어 로그인할 수 없어요. 시크릿 모드를 끄거나 다른 브라우저를 써 주세요.",
    "auth/unauthorized-domain": "이 주소에서는 로그인할 수 없어요.",
    "auth/operation-not-allowed": "이 로그인 방법은 아직 쓸 수 없어요.",
    "auth/account-exists-with-different-credential":
      "이 이메일은 다른 로그인 방법으로 가입되어 있어요. 처음 가입한 방법으로 로그인해 주세요.",
    "auth/credential-already-in-use": "이 계정은 이미 다른 TalkStudio 계정에 연결되어 있어요.",
    "auth/email-already-in-use": "이 이메일은 이미 사용 중이에요.",
    "auth/network-request-failed": "인터넷 연결이 불안정해 로그인하지 못했어요. 다시 시도해 주세요.",
    "auth/timeout": "로그인이 너무 오래 걸렸어요. 다시 시도해 주세요.",
    "auth/too-many-requests": "로그인 시도가 너무 많아요. 잠시 후 다시 시도해 주세요.",
    "auth/user-disabled": "사용이 중지된 계정이에요.",
    "auth/invalid-credential": "로그인 정보가 올바르지 않거나 만료되었어요. 다시 로그인해 주세요.",
    "auth/invalid-custom-token": "로그인 정보가 올바르지 않아요. 다시 로그인해 주세요.",
    "auth/user-token-expired": "로그인이 만료되었어요. 다시 로그인해 주세요.",
    "auth/requires-recent-login": "보안을 위해 한 번 더 로그인한 뒤 다시 시도해 주세요.",
    "auth/internal-error": "로그인 중 오류가 생겼어요. 다시 시도해 주세요.",
  },
  tooLarge: (path, limit, size) => {
    const n = limit.toLocaleString("ko-KR");
    // "12,000자, 최대 10,000자": the size first when it is known.
    const over = (unit: string) => (size === undefined ? "" : `${size.toLocaleString("ko-KR")}${unit}, `);
    const message = /^conversation\.messages\.(\d+)\.text$/.exec(path);
    if (message)
      return `${Number(message[1]) + 1}번째 메시지의 글이 너무 길어요 (${over("자")}최대 ${n}자). 줄이거나 여러 메시지로 나눠 주세요. 마지막으로 맞던 상태는 저장되어 있어요.`;
    if (path === "conversation.messages")
      return `메시지가 너무 많아요 (${over("개")}최대 ${n}개). 일부를 지우거나 새 프로젝트로 나눠 주세요.`;
    if (path === "theme")
      return `테마가 너무 커요 (${over("바이트")}최대 ${n}바이트). 배경 이미지를 더 작은 것으로 바꿔 주세요.`;
    if (path === "")
      return `프로젝트가 너무 커요 (${over("바이트")}최대 ${n}바이트). 이미지나 긴 글을 줄이거나 새 프로젝트로 나눠 주세요.`;
    return `'${path}' 항목이 허용된 크기를 넘었어요 (${over("")}최대 ${n}). 줄여 주세요.`;
  },
  retryAfter: (seconds) => `${seconds}초 후에 다시 시도해 주세요.`,
};
