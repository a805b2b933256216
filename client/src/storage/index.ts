export * from "./uploads.js";
