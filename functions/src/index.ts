import "./setup.js";

export { kakaoSignIn } from "./identity/index.js";
export { onUserCreated } from "./profiles/index.js";
export { onUserDeleted } from "./account-deletion/index.js";
export {
  createShare,
  updateShare,
  revokeShare,
  regenerateShare,
  openShare,
  copySharedConversation,
  syncShares,
  sweepShares,
  flushShareViews,
} from "./shares/index.js";
export { sweepExports, checkUpload } from "./storage/index.js";
export { sharePage, shareCard, shareDownload } from "./share-page/index.js";
export { importConversations } from "./imports/index.js";
export {
  inviteToConversation,
  listInvites,
  revokeInvite,
  acceptInvite,
  previewInvite,
  listMembers,
  removeMember,
  leaveConversation,
} from "./collaboration/index.js";
export { saveVersion, restoreVersion, recordVersions } from "./collaboration/index.js";
