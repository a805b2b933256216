// Firestore reads and writes per request, for the cost model (docs/cost.md): counted only when
// TALKSTUDIO_COUNT_FIRESTORE_OPS=1 (the demo project's .env), by wrapping the admin SDK's public read
// and write methods, and added to the request's log line. Production never loads the wrappers.
import { AsyncLocalStorage } from "node:async_hooks";
import {
  BulkWriter,
  DocumentReference,
  Firestore,
  Query,
  Transaction,
  WriteBatch,
} from "firebase-admin/firestore";

interface Ops {
  reads: number;
  writes: number;
}
const current = new AsyncLocalStorage<Ops>();
const counting = process.env.TALKSTUDIO_COUNT_FIRESTORE_OPS === "1";

/** Billing counts a query that matches nothing as one read. */
const queryReads = (size: number) => Math.max(1, size);

type Method = (...args: never[]) => unknown;
function wrap<T extends object>(
  prototype: T,
  name: string,
  count: (args: unknown[], result: unknown) => Partial<Ops>,
): void {
  const original = (prototype as Record<string, Method>)[name];
  if (!original) return;
  (prototype as Record<string, Method>)[name] = function (this: unknown, ...args: never[]) {
    const result = original.apply(this, args);
    const add = (settled: unknown) => {
      const ops = current.getStore();
      if (!ops) return;
      const { reads = 0, writes = 0 } = count(args, settled);
      ops.reads += reads;
      ops.writes += writes;
    };
    if (result instanceof Promise) return result.then((value: unknown) => (add(value), value));
    add(result);
    return result;
  };
}

const sizeOf = (snapshot: unknown) => (snapshot as { size?: number }).size ?? 0;
const documentsIn = (args: unknown[]) => args.filter((a) => a instanceof DocumentReference).length;

function install(): void {
  wrap(Firestore.prototype, "getAll", (args) => ({ reads: documentsIn(args) }));
  wrap(Query.prototype, "get", (_, snapshot) => ({ reads: queryReads(sizeOf(snapshot)) }));
  wrap(Transaction.prototype, "get", (args, snapshot) => ({
    reads: args[0] instanceof DocumentReference ? 1 : queryReads(sizeOf(snapshot)),
  }));
  wrap(Transaction.prototype, "getAll", (args) => ({ reads: documentsIn(args) }));
  // Count queries (the rate limiter's): one read per 1,000 index entries matched, at least one. The
  // SDK does not export AggregateQuery; an unconnected client's count() gives its prototype.
  const aggregate = Object.getPrototypeOf(
    new Firestore({ projectId: "ops" }).collection("ops").count(),
  ) as object;
  wrap(aggregate, "get", (_, snapshot) => {
    const { count = 0 } = (snapshot as { data: () => { count?: number } }).data();
    return { reads: Math.max(1, Math.ceil(count / 1000)) };
  });
  // Every write goes through a WriteBatch (document writes and transactions) or a BulkWriter.
  for (const method of ["create", "set", "update", "delete"]) {
    wrap(WriteBatch.prototype, method, () => ({ writes: 1 }));
    wrap(BulkWriter.prototype, method, () => ({ writes: 1 }));
  }
}
if (counting) install();

/** Runs `work` with its own counters (a no-op when not counting). */
export function withFirestoreOps<T>(work: () => Promise<T>): Promise<T> {
  return counting ? current.run({ reads: 0, writes: 0 }, work) : work();
}

/** This request's counts so far, for its log line; nothing when not counting. */
export function firestoreOpsOf(): { firestoreReads?: number; firestoreWrites?: number } {
  const ops = current.getStore();
  return ops ? { firestoreReads: ops.reads, firestoreWrites: ops.writes } : {};
}
