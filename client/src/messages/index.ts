export * from "./message-of.js";
