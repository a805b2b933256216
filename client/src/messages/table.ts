import type { AuthErrorCode, ErrorKind } from "../talkstudio-error.js";
import type { ClientErrorReason, ErrorReason } from "../schema/index.js";

/** Every `reason` a TalkStudioError can carry: the functions', the client's, Firebase Auth's. */
export type WordedReason = ErrorReason | ClientErrorReason | AuthErrorCode;

/** One language's words for every kind and reason; the types make a missing one a compile error. */
export interface MessageTable {
  readonly kinds: Readonly<Record<ErrorKind, string>>;
  readonly reasons: Readonly<Record<WordedReason, string>>;
  /**
   * A project over a limit (`project-too-large`): where (`path` as in `details.path`:
   * `conversation.messages.3.text`, `title`, or "" for the whole document), its size when known
   * (characters, items or bytes, in the limit's unit) and the limit.
   */
  readonly tooLarge: (path: string, limit: number, size: number | undefined) => string;
  /** Appended when the server said how long to wait. */
  readonly retryAfter: (seconds: number) => string;
}
