export * from "./spa-project.js";
export * from "./synced-marks.js";
