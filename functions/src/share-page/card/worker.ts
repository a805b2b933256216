// The render worker: a child process (bundled as lib/card-worker.js) that renders one job at a time
// for the renderer pool. resvg is native code: a panic there aborts this process, not the function's.
import type { ConversationData } from "../../schema.js";
import { renderCard, renderConversationImage, renderGenericCard } from "./render.js";

export type RenderJob =
  { kind: "card"; data: ConversationData } | { kind: "image"; data: ConversationData } | { kind: "generic" };

export type WorkerReply = { id: number; png: Uint8Array } | { id: number; error: string };

const render = (job: RenderJob): Promise<Buffer> =>
  job.kind === "card"
    ? renderCard(job.data)
    : job.kind === "image"
      ? renderConversationImage(job.data)
      : renderGenericCard();

process.on("message", (message: { id: number; job: RenderJob }) => {
  render(message.job).then(
    (png) => process.send!({ id: message.id, png } satisfies WorkerReply),
    (error: unknown) => process.send!({ id: message.id, error: String(error) } satisfies WorkerReply),
  );
});
