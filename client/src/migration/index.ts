export { importedConversationId } from "./import-ids.js";
export {
  importProjects,
  migrateLocalStorage,
  type FailedProject,
  type MigratedProject,
  type MigrationOptions,
  type MigrationProgress,
  type MigrationResult,
  type SkippedProject,
  type SkipReason,
} from "./migrate.js";
export type { ReadableStorage } from "./read-storage.js";
export { MAX_IMPORT_BATCH } from "./write-imports.js";
