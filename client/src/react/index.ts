// React bindings: @talkstudio/client/react (docs/react.md says how each hook behaves).
export * from "./provider.js";
export * from "./session.js";
export * from "./lists.js";
export * from "./project-sync-hook.js";
export * from "./collaboration-hooks.js";
