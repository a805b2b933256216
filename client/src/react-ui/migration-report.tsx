// Defect 7: after migrateLocalStorage, what moved, and each project it refused or could not save
// with the reason in words (which message is too long, what to do). Refused projects stay in
// LocalStorage; failed ones move on the next run.
import { messageOf } from "../messages/index.js";
import type { MigrationResult, SkippedProject } from "../migration/index.js";
import { TalkStudioError } from "../talkstudio-error.js";
import { stringsOf, type CommonProps, type Strings } from "./locale.js";
import { issueWords } from "./migration-words.js";
import { Modal } from "./modal.js";

export interface MigrationReportProps extends CommonProps {
  /** migrateLocalStorage's answer. */
  readonly result: MigrationResult;
  readonly onClose: () => void;
}

/** Issues listed per project before "…": the first few say what to fix. */
const ISSUES_SHOWN = 3;

function Refused({ project, t }: { project: SkippedProject; t: Strings }) {
  const issues = project.issues ?? [];
  return (
    <li className="ts-migration-project" data-reason={project.reason}>
      <p className="ts-migration-title">{project.title || t.migration.untitled}</p>
      <p>{t.migration.reason[project.reason]}</p>
      {issues.length > 0 && (
        <ul className="ts-migration-issues">
          {issues.slice(0, ISSUES_SHOWN).map((issue, i) => (
            <li key={i}>{issueWords(issue, t)}</li>
          ))}
          {issues.length > ISSUES_SHOWN && <li>…</li>}
        </ul>
      )}
      {project.reason === "over-limit" && <p className="ts-hint">{t.migration.overLimitHint}</p>}
    </li>
  );
}

export function MigrationReport(props: MigrationReportProps) {
  const t = stringsOf(props.locale);
  const { imported, skipped, failed } = props.result;
  const already = skipped.filter((s) => s.reason === "already-imported");
  const refused = skipped.filter((s) => s.reason !== "already-imported");
  return (
    <Modal
      name="migration-report"
      className={props.className}
      title={t.migration.title}
      closeLabel={t.close}
      onClose={props.onClose}
    >
      <div className="ts-dialog-body">
        <p className="ts-migration-counts">
          {t.migration.imported(imported.length)}
          {already.length > 0 && ` ${t.migration.alreadyThere(already.length)}`}
          {refused.length === 0 && failed.length === 0 && ` ${t.migration.allGood}`}
        </p>
        {refused.length > 0 && (
          <>
            <h3 className="ts-section-title">{t.migration.refused(refused.length)}</h3>
            <ul className="ts-migration-list ts-migration-refused">
              {refused.map((project) => (
                <Refused key={`${project.source}/${project.key}`} project={project} t={t} />
              ))}
            </ul>
          </>
        )}
        {failed.length > 0 && (
          <>
            <h3 className="ts-section-title">{t.migration.failed(failed.length)}</h3>
            <ul className="ts-migration-list ts-migration-failed">
              {failed.map((project) => (
                <li key={`${project.source}/${project.key}`} className="ts-migration-project">
                  <p className="ts-migration-title">{project.title || t.migration.untitled}</p>
                  <p>{messageOf(new TalkStudioError(project.kind, project.detail), props.locale ?? "ko")}</p>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <footer className="ts-dialog-footer">
        <button type="button" className="ts-button ts-primary" onClick={props.onClose}>
          {t.close}
        </button>
      </footer>
    </Modal>
  );
}
