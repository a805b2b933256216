// Defect 5: when the same message or setting was changed in two places, show it as a person reads
// it (which message, both versions, whose each is) and let them keep theirs or take the other.
import type { ConversationData, Member } from "../schema/index.js";
import type { ProjectSyncState } from "../react/project-sync-hook.js";
import { useSession } from "../react/session.js";
import { conflictWords, type ConflictSide } from "./conflict-words.js";
import { classes, stringsOf, type CommonProps, type Strings } from "./locale.js";
import { Modal } from "./modal.js";

export interface ConflictDialogProps extends CommonProps {
  /** useProjectSync's `conflict`: the dialog shows while it is set, nothing when null. */
  readonly conflict: ProjectSyncState["conflict"];
  /** The editor's copy (what `useProjectSync` was given): message positions and speaker names. */
  readonly data: ConversationData;
  /** The conversation's members (useMembers' `items`): whose text each version is. */
  readonly members?: readonly Pick<Member, "uid" | "displayName">[];
}

function Side(props: { side: ConflictSide; label: string; t: Strings; kind: "mine" | "theirs" }) {
  const { side, t } = props;
  return (
    <figure className={`ts-conflict-side ts-conflict-${props.kind}`}>
      <figcaption className="ts-conflict-who">
        {props.label}
        {side.by && <span className="ts-muted"> · {t.conflict.writtenBy(side.by)}</span>}
      </figcaption>
      <blockquote className="ts-conflict-text">{side.text}</blockquote>
    </figure>
  );
}

export function ConflictDialog(props: ConflictDialogProps) {
  const t = stringsOf(props.locale);
  const myUid = useSession().user?.uid;
  const { conflict } = props;
  if (!conflict) return null;
  return (
    <Modal
      name="conflict-dialog"
      className={props.className}
      title={t.conflict.title}
      closeLabel={t.close}
      onClose={() => undefined}
      mustChoose
    >
      <div className="ts-dialog-body">
        <p className="ts-muted">{t.conflict.intro}</p>
        <ol className="ts-conflict-list">
          {conflict.conflicts.map((c, i) => {
            const words = conflictWords(c, props.data, { myUid, members: props.members }, t);
            return (
              <li key={i} className="ts-conflict-item">
                <p className="ts-conflict-what">{words.what}</p>
                <div className="ts-conflict-sides">
                  <Side side={words.mine} label={t.conflict.mine} t={t} kind="mine" />
                  <Side side={words.theirs} label={t.conflict.theirs} t={t} kind="theirs" />
                </div>
              </li>
            );
          })}
        </ol>
      </div>
      <footer className={classes("ts-dialog-footer", undefined)}>
        <button type="button" className="ts-button ts-take-theirs" onClick={conflict.takeTheirs}>
          {t.conflict.takeTheirs}
        </button>
        <button type="button" className="ts-button ts-primary ts-keep-mine" onClick={conflict.keepMine}>
          {t.conflict.keepMine}
        </button>
      </footer>
    </Modal>
  );
}
