// Renders run in a child process, never in the function's own: resvg is native code, and a panic
// there aborts its process with SIGABRT (a worker thread would take the whole process with it). A
// failed, stuck or oversized render costs that child and its one job; the next job starts a fresh one.
import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { WORKER_LIMITS } from "./card-limits.js";
import type { RenderJob, WorkerReply } from "./worker.js";

export interface RendererPoolOptions {
  /** The worker module to fork, and the Node flags it needs (tsx for the TypeScript source). */
  worker: { path: string; execArgv: readonly string[] };
  /** The child's V8 heap (`--max-old-space-size`). */
  heapMb: number;
}

export interface RendererPool {
  /** The job's PNG; rejects (RenderFailed) when the worker fails, dies or takes over `timeoutMs`. */
  render(job: RenderJob, timeoutMs: number): Promise<Buffer>;
  /** The live worker's process id, if one runs. */
  pid(): number | undefined;
  close(): void;
}

export class RenderFailed extends Error {}

export function createRendererPool(options: RendererPoolOptions): RendererPool {
  let child: ChildProcess | null = null;
  let nextId = 0;
  // One job at a time: a worker renders serially anyway, and one failure then costs one job.
  let queue: Promise<unknown> = Promise.resolve();

  function worker(): ChildProcess {
    // `killed`: a worker just killed for its timeout may not have exited yet.
    if (child && !child.killed && child.exitCode === null && child.signalCode === null) return child;
    const started = fork(options.worker.path, [], {
      execArgv: [...options.worker.execArgv, `--max-old-space-size=${options.heapMb}`],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    started.on("exit", () => {
      if (child === started) child = null;
    });
    // A worker that cannot start fails its job by the timeout; none may linger half-started.
    started.on("error", () => started.kill("SIGKILL"));
    child = started;
    return started;
  }

  function run(job: RenderJob, timeoutMs: number): Promise<Buffer> {
    const id = ++nextId;
    const current = worker();
    current.ref();
    current.channel?.ref();
    return new Promise<Buffer>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        current.off("message", onMessage);
        current.off("exit", onExit);
        // An idle worker must not keep a process (a test, the bench) from exiting.
        current.unref();
        current.channel?.unref();
      };
      const fail = (why: string) => {
        done();
        reject(new RenderFailed(`The render worker ${why}.`));
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.id !== id) return;
        done();
        if ("error" in reply) reject(new RenderFailed(reply.error));
        else resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
      };
      const onExit = (code: number | null, signal: string | null) =>
        fail(`exited (${signal ?? `code ${code}`})`);
      const timer = setTimeout(() => {
        current.kill("SIGKILL");
        fail(`took over ${timeoutMs} ms`);
      }, timeoutMs);
      current.on("message", onMessage);
      current.on("exit", onExit);
      current.send({ id, job }, (error) => error && fail(`could not be reached (${error.message})`));
    });
  }

  return {
    render(job, timeoutMs) {
      const result = queue.then(() => run(job, timeoutMs));
      queue = result.catch(() => undefined);
      return result;
    },
    pid: () => child?.pid,
    close() {
      child?.kill("SIGKILL");
      child = null;
    },
  };
}

const here = dirname(fileURLToPath(import.meta.url));

/** lib/card-worker.js beside the bundle (this code is in lib/ or lib/chunks/); from source, worker.ts. */
function workerModule(): RendererPoolOptions["worker"] {
  if (import.meta.url.endsWith(".ts"))
    return { path: join(here, "worker.ts"), execArgv: ["--import", "tsx"] };
  const bundled = [here, join(here, "..")].map((dir) => join(dir, "card-worker.js")).find(existsSync);
  if (!bundled) throw new Error("lib/card-worker.js is missing: functions/build.mjs bundles it.");
  return { path: bundled, execArgv: [] };
}

let pool: RendererPool | undefined;

/** The instance's renderer pool, started on first use. */
export function rendererPool(): RendererPool {
  pool ??= createRendererPool({ worker: workerModule(), heapMb: WORKER_LIMITS.heapMb });
  return pool;
}
