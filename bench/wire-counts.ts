// What a piece of client work costs on the wire: Firestore documents received and written (from the
// Firestore SDK's own debug log of its protocol) and calls to the Functions emulator (from fetch).
import { setLogLevel } from "firebase/firestore";
import { emulatorHosts } from "../dev/emulators.js";

interface WireCounts {
  reads: number;
  writes: number;
  calls: number;
}

/** A write in a Commit request or on the Write stream is an `update: {…}` or a `delete: '…'`. */
const WRITE_ITEM = /\b(?:update: \{|delete: ')/g;

export async function counted(work: () => Promise<unknown>): Promise<WireCounts> {
  const logged: string[] = [];
  const { log, debug } = console;
  const realFetch = globalThis.fetch;
  let calls = 0;
  console.log = console.debug = (...parts: unknown[]) => void logged.push(parts.map(String).join(" "));
  globalThis.fetch = (input, init) => {
    if (String(input instanceof Request ? input.url : input).includes(emulatorHosts.functions)) calls++;
    return realFetch(input, init);
  };
  setLogLevel("debug");
  try {
    await work();
  } finally {
    setLogLevel("silent");
    Object.assign(console, { log, debug });
    globalThis.fetch = realFetch;
  }
  // Listened and queried documents arrive as document changes; lookups (getDoc, transactions) are
  // billed per document asked for, found or not.
  const changes = logged.filter((line) => line.includes("documentChange:")).length;
  const lookups = logged
    .filter((line) => /RPC 'BatchGetDocuments' \S+ invoked/.test(line))
    .reduce(
      (sum, line) => sum + (/documents: \[([^\]]*)\]/.exec(line)?.[1]?.match(/'projects\//g)?.length ?? 0),
      0,
    );
  const reads = changes + lookups;
  const writes = logged
    .filter((line) => /RPC 'Commit' \S+ invoked with request|RPC 'Write' stream \S+ sending/.test(line))
    .reduce((sum, line) => sum + (line.match(WRITE_ITEM)?.length ?? 0), 0);
  return { reads, writes, calls };
}
