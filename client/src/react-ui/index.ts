// Ready-made React components: @talkstudio/client/react-ui (docs/react.md, "Components"). Korean by
// default, `locale="en"` for English; unstyled but for stable `ts-…` class names, with an optional
// stylesheet at @talkstudio/client/react-ui/styles.css. They read the TalkStudioProvider's instance.
export { AccountMenu, type AccountMenuProps, type SignInProvider } from "./account-menu.js";
export { CloudStatusBadge, type CloudStatusBadgeProps } from "./cloud-status-badge.js";
export { ConflictDialog, type ConflictDialogProps } from "./conflict-dialog.js";
export { ShareDialog, type ShareDialogProps } from "./share-dialog.js";
export { InviteDialog, type InviteDialogProps } from "./invite-dialog.js";
export { InviteAcceptDialog, type InviteAcceptDialogProps } from "./invite-accept-dialog.js";
export { PresenceAvatars, type PresenceAvatarsProps } from "./presence-avatars.js";
export { HistoryPanel, type HistoryPanelProps } from "./history-panel.js";
export { MigrationReport, type MigrationReportProps } from "./migration-report.js";
export type { CommonProps, Locale } from "./locale.js";
