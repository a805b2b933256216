// The `@talkstudio/client/viewer` entry: the share viewer's one read, without the rest of the client.
export * from "./read-public-share.js";
