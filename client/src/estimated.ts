import type { SnapshotOptions } from "firebase/firestore";

/**
 * How every reader reads a snapshot: this tab's own pending write carries its server timestamps as
 * the local estimate, not null (which no time field accepts), so a save never reads as an error.
 */
export const ESTIMATED: SnapshotOptions = { serverTimestamps: "estimate" };
