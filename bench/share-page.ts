// The share page's speed, against baselines from the same run: its time to first byte through the
// Hosting emulator against a static file Hosting serves itself, and the card renderer's first
// (cold) render against warm ones, in process (the Functions emulator keeps one instance warm).
import { performance } from "node:perf_hooks";
import { createConversation, createShare } from "../client/src/index.js";
import { emulatorHosts } from "../dev/emulators.js";
import { benchConversation, median } from "./share-view.js";
import { newUser } from "./users.js";

const HOSTING = `http://${emulatorHosts.hosting}`;
const SAMPLES = 30;
let address = 0;

/** Median milliseconds until the response's headers arrive (fetch resolves there), body drained. */
async function ttfb(url: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES + 3; i++) {
    // Each request from its own address: the page's per-address read budget must not interfere.
    const headers = { "x-forwarded-for": `198.18.${Math.floor(++address / 250) % 250}.${address % 250}` };
    const start = performance.now();
    const response = await fetch(url, { headers });
    const elapsed = performance.now() - start;
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    await response.arrayBuffer();
    if (i >= 3) samples.push(elapsed); // the first three warm the function up
  }
  return median(samples);
}

export async function benchSharePage() {
  const owner = await newUser();
  const data = benchConversation();
  const { id } = await createConversation(owner, data);
  const { code } = await createShare(owner, { conversationId: id });
  const pageMs = await ttfb(`${HOSTING}/s/${code}`);
  const staticMs = await ttfb(`${HOSTING}/demo.css`);

  const importStart = performance.now();
  const { renderCard } = await import("../functions/src/share-page/card/render.js");
  const coldStart = performance.now();
  await renderCard(data);
  const coldMs = performance.now() - coldStart;
  const importMs = coldStart - importStart;
  const warm: number[] = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    await renderCard({ ...data, title: `${data.title} ${i}` });
    warm.push(performance.now() - start);
  }
  const warmMs = median(warm);
  return {
    pageMs,
    staticMs,
    pageRatio: pageMs / staticMs,
    importMs,
    coldMs,
    warmMs,
    cardRatio: coldMs / warmMs,
  };
}
