// The renderer's cost at its bounds, in the render worker (the bundled lib/card-worker.js, as the
// functions fork it): the worst input the limits allow against an ordinary conversation, for the
// preview card and for the download image, and the worker's peak memory.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { firestoreBytes, LIMITS, MAX_DOCUMENT_BYTES, type ConversationData } from "../client/src/index.js";
import { IMAGE_LIMITS, WORKER_LIMITS } from "../functions/src/share-page/card/card-limits.js";
import { createRendererPool, type RendererPool } from "../functions/src/share-page/card/pool.js";
import type { RenderJob } from "../functions/src/share-page/card/worker.js";
import { benchConversation, median } from "./share-view.js";

const worker = join(dirname(fileURLToPath(import.meta.url)), "..", "functions", "lib", "card-worker.js");

/** The longest text a message may hold, as dense as text gets: Hangul, a line break every 24. */
const DENSE = Array.from({ length: LIMITS.messageTextChars }, (_, i) =>
  i % 25 === 24 ? "\n" : String.fromCharCode(0xac00 + ((i * 37) % 11172)),
).join("");

/**
 * Every message at the text limit, two authors taking turns, as many as a document holds: past
 * every bound the renderer has.
 */
function worstConversation(): ConversationData {
  const data = benchConversation();
  const worst = (messages: number): ConversationData => ({
    ...data,
    title: "가".repeat(LIMITS.titleChars),
    conversation: {
      ...data.conversation,
      title: "가".repeat(LIMITS.titleChars),
      authors: [
        { id: "me", name: "나", avatarUrl: "" },
        { id: "other", name: "가".repeat(LIMITS.authorNameChars), avatarUrl: "" },
      ],
      messages: Array.from({ length: messages }, (_, i) => ({
        id: `w${i}`,
        role: i % 2 ? ("me" as const) : ("other" as const),
        authorId: i % 2 ? "me" : "other",
        text: DENSE,
        datetime: "2024-03-05 오후 7:30",
      })),
    },
  });
  const perMessage = firestoreBytes(worst(2)) - firestoreBytes(worst(1));
  return worst(Math.floor((MAX_DOCUMENT_BYTES - firestoreBytes(worst(0))) / perMessage));
}

/** Median milliseconds of `samples` renders of `job` (after one to warm the worker). */
async function timed(pool: RendererPool, job: RenderJob, samples: number, timeoutMs: number) {
  let png = await pool.render(job, timeoutMs);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    png = await pool.render(job, timeoutMs);
    times.push(performance.now() - start);
  }
  return { ms: median(times), height: png.readUInt32BE(20), bytes: png.length };
}

/** The worker's peak resident memory (Linux: VmHWM), in MB. */
function peakMb(pid: number | undefined): number {
  const status = pid === undefined ? "" : readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

export async function benchRender() {
  const pool = createRendererPool({ worker: { path: worker, execArgv: [] }, heapMb: WORKER_LIMITS.heapMb });
  try {
    const ordinary = benchConversation();
    const worst = worstConversation();
    const card = await timed(pool, { kind: "card", data: ordinary }, 10, WORKER_LIMITS.cardTimeoutMs);
    const worstCard = await timed(pool, { kind: "card", data: worst }, 10, WORKER_LIMITS.cardTimeoutMs);
    const image = await timed(pool, { kind: "image", data: ordinary }, 5, WORKER_LIMITS.imageTimeoutMs);
    const worstImage = await timed(pool, { kind: "image", data: worst }, 3, WORKER_LIMITS.imageTimeoutMs);
    return {
      card,
      worstCard,
      cardRatio: worstCard.ms / card.ms,
      image,
      worstImage,
      imageRatio: worstImage.ms / image.ms,
      maxHeight: IMAGE_LIMITS.maxHeight,
      workerPeakMb: peakMb(pool.pid()),
    };
  } finally {
    pool.close();
  }
}
