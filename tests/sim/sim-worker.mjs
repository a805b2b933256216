// A worker thread's entry: TypeScript through tsx, then the seed range of sim-runner.ts.
import { register } from "tsx/esm/api";

register();
await import("./sim-runner.ts");
