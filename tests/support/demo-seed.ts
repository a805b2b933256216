// Runs the demo seed (scripts/seed/seed.ts) as `npm start` does. Asynchronously: a test whose event
// loop is blocked for seconds misses the emulators closing its idle keep-alive sockets, and its next
// request goes out on one of them and fails (`auth/network-request-failed`).
import { spawn } from "node:child_process";

export interface SeedRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const SEED_TIMEOUT_MS = 60_000;

export function runDemoSeed(): Promise<SeedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/seed/seed.ts"], {
      stdio: ["ignore", "pipe", "pipe"],
      timeout: SEED_TIMEOUT_MS,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}
