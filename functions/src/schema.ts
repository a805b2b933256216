// The functions validate with the client's schemas: one source of truth, bundled by esbuild.
export * from "../../client/src/schema/index.js";
