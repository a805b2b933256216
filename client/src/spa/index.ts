export * from "./spa-project.js";
