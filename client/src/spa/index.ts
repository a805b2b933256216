export * from "./spa-project.js";
export * from "./synced-marks.js";
export * from "./project-fit.js";
