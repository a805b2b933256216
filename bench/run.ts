// `npm run bench`: every measurement and its baseline in one run, printed as ratios.
import { setLogLevel } from "firebase/firestore";
import { WORKER_LIMITS } from "../functions/src/share-page/card/card-limits.js";
import { emulatorHosts, firestoreEmulator, PROJECT_ID } from "../dev/emulators.js";
import { startLatencyProxy } from "./latency-proxy.js";
import { benchListBytes } from "./list-bytes.js";
import { benchMigration } from "./migration.js";
import { benchClientSize, benchOnDemandCost, benchUiEntry } from "./client-size.js";
import { benchCollaborationLatency } from "./collaboration-latency.js";
import { benchColdStart } from "./cold-start.js";
import { benchCost, monthlyCost } from "./cost.js";
import { benchRender } from "./render.js";
import { benchSharePage } from "./share-page.js";
import { benchShareView } from "./share-view.js";
import { benchShareFidelity, worstByTheme } from "./share-fidelity.js";

/** One way, so 40 ms a round trip: a phone in Korea to asia-northeast3 on a good connection. */
const ONE_WAY_MS = 20;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** A benchmark that hangs must not hold the emulator ports (shared with other work) forever. */
const WATCHDOG_MS = 8 * 60_000;

/** One row of the closing table: what we measured, against what, and the goal if there is one. */
interface Row {
  metric: string;
  ours: string;
  baseline: string;
  ratio: string;
  goal: string;
  pass: string;
}
const verdict = (ok: boolean | null) => (ok === null ? "–" : ok ? "pass" : "FAIL");

/**
 * `BENCH_ONLY=page,render npm run bench` runs only the sections named (all of them by default but
 * `fidelity`, which needs a local copy of the SPA: `SPA_DIR=… BENCH_ONLY=fidelity npm run bench`).
 */
const SECTIONS = [
  "migration",
  "list",
  "share-view",
  "page",
  "render",
  "cold-start",
  "client-size",
  "collaboration",
  "cost",
];
const ONLY_ON_REQUEST = ["fidelity"];
const only = process.env.BENCH_ONLY?.split(",").filter(Boolean);
const unknown = only?.filter((name) => ![...SECTIONS, ...ONLY_ON_REQUEST].includes(name)) ?? [];
if (unknown.length > 0)
  throw new Error(
    `BENCH_ONLY: no section ${unknown.join(", ")} (${[...SECTIONS, ...ONLY_ON_REQUEST].join(", ")}).`,
  );
const runs = (name: string) => (only ? only.includes(name) : SECTIONS.includes(name));

async function main() {
  setTimeout(() => {
    console.error(`Benchmarks still running after ${WATCHDOG_MS / 60_000} min: giving up.`);
    process.exit(3);
  }, WATCHDOG_MS).unref();
  if (!process.env.FIRESTORE_EMULATOR_HOST)
    throw new Error("Run with `npm run bench` (it starts the emulators).");
  // Closing the proxy cancels the proxied apps' streams; the SDK would log each as an error.
  setLogLevel("silent");
  console.log(`TalkStudio benchmarks on the emulators (project ${PROJECT_ID})\n`);
  const rows: Row[] = [];

  if (runs("migration")) {
    // Both the SDK's Firestore channel and the callable requests cross the same simulated network;
    // the function reaches Firestore directly, as it does in Seoul.
    const [functionsHost = "127.0.0.1", functionsPort = "5001"] = emulatorHosts.functions.split(":");
    const proxies = [
      await startLatencyProxy(firestoreEmulator, ONE_WAY_MS),
      await startLatencyProxy({ host: functionsHost, port: Number(functionsPort) }, ONE_WAY_MS),
    ] as const;
    for (const [label, ports] of [
      [
        `with a ${2 * ONE_WAY_MS} ms round trip (latency proxies)`,
        { firestore: proxies[0].port, functions: proxies[1].port },
      ],
      ["on localhost (no network latency)", {}],
    ] as const) {
      const proxied = "firestore" in ports;
      const migration = await benchMigration(500, ports);
      console.log(`Migration of ${migration.projects} LocalStorage projects (40 messages each), ${label}`);
      console.log(`  one awaited create per project, in sequence: ${s(migration.baselineMs)}`);
      console.log(
        `  the client's rules-checked batches (6 a batch, 4 in flight): ${s(migration.clientBatchesMs)}`,
      );
      console.log(`  migrateLocalStorage (importConversations, written in bulk): ${s(migration.ourMs)}`);
      console.log(`  speed-up: ${migration.speedup.toFixed(1)}× (goal ≥ 10×)\n`);
      rows.push({
        metric: `migrate 500 projects, ${proxied ? "40 ms round trip" : "localhost"}`,
        ours: s(migration.ourMs),
        baseline: `one create at a time: ${s(migration.baselineMs)}`,
        ratio: `${migration.speedup.toFixed(1)}× faster`,
        goal: "≥ 10×",
        pass: verdict(migration.speedup >= 10),
      });
    }
    for (const proxy of proxies) proxy.close();
  }

  if (runs("list")) {
    const list = await benchListBytes();
    console.log("Bytes to list 50 conversations (Firestore REST response bodies)");
    console.log(`  list page, 5 messages each:   ${kb(list.small.listBytes)}`);
    console.log(`  list page, 300 messages each: ${kb(list.large.listBytes)}`);
    console.log(`  full conversations, 300 messages each: ${kb(list.large.fullBytes)}`);
    console.log(`  list / full: ${(list.ratio * 100).toFixed(2)}% (goal ≤ 5%)\n`);
    rows.push({
      metric: "bytes to list 50 conversations of 300 messages",
      ours: kb(list.large.listBytes),
      baseline: `reading them whole: ${kb(list.large.fullBytes)}`,
      ratio: `${(list.ratio * 100).toFixed(2)}%`,
      goal: "≤ 5%",
      pass: verdict(list.ratio <= 0.05),
    });
  }

  if (runs("share-view")) {
    const share = await benchShareView();
    console.log("A share view from the client (documents received, function calls)");
    console.log(
      `  public share:   ${share.publicView.reads} read, ${share.publicView.calls} calls (goal: 1 read, 0 calls)`,
    );
    console.log(
      `  password share: ${share.passwordView.reads} reads, ${share.passwordView.calls} call (the callable)`,
    );
    console.log(`  openShare callable (median of 20, warm): ${share.callMs.toFixed(1)} ms`);
    console.log(`  direct document get (median of 20, warm): ${share.getMs.toFixed(1)} ms`);
    console.log(`  callable / get: ${share.ratio.toFixed(1)}×\n`);
    rows.push({
      metric: "a public share view from the app",
      ours: `${share.publicView.reads} read, ${share.publicView.calls} calls`,
      baseline: `openShare callable: ${share.callMs.toFixed(1)} ms vs get ${share.getMs.toFixed(1)} ms`,
      ratio: `callable ${share.ratio.toFixed(1)}× a get`,
      goal: "1 read, 0 calls",
      pass: verdict(share.publicView.reads === 1 && share.publicView.calls === 0),
    });
  }

  if (runs("page")) {
    const page = await benchSharePage();
    console.log("The share page through the Hosting emulator (median of 30, warm)");
    console.log(`  GET /s/{code} time to first byte: ${ms(page.pageMs)}`);
    console.log(`  a static file from the same Hosting: ${ms(page.staticMs)}`);
    console.log(`  page / static: ${page.pageRatio.toFixed(1)}×`);
    console.log("The card renderer, in process (satori + resvg, Pretendard, Twemoji)");
    console.log(`  importing it: ${ms(page.importMs)}; first render (fonts parsed): ${ms(page.coldMs)}`);
    console.log(`  warm render (median of 10): ${ms(page.warmMs)}`);
    console.log(`  cold / warm: ${page.cardRatio.toFixed(1)}×\n`);
    rows.push(
      {
        metric: "share page time to first byte (warm)",
        ours: ms(page.pageMs),
        baseline: `static file: ${ms(page.staticMs)}`,
        ratio: `${page.pageRatio.toFixed(1)}×`,
        goal: "–",
        pass: verdict(null),
      },
      {
        metric: "card render, first in a process",
        ours: ms(page.coldMs),
        baseline: `warm: ${ms(page.warmMs)}`,
        ratio: `${page.cardRatio.toFixed(1)}×`,
        goal: "–",
        pass: verdict(null),
      },
    );
  }

  if (runs("render")) {
    const render = await benchRender();
    const px = (r: { height: number; bytes: number }) => `780×${r.height} px, ${kb(r.bytes)}`;
    console.log("The renderer in its worker (lib/card-worker.js), at the limits (docs/share-page.md)");
    console.log(`  card, ordinary conversation (median of 10): ${ms(render.card.ms)}`);
    console.log(`  card, worst allowed input (every text at its limit): ${ms(render.worstCard.ms)}`);
    console.log(`  download image, ordinary (median of 5): ${ms(render.image.ms)}, ${px(render.image)}`);
    console.log(
      `  download image, worst allowed input (median of 3): ${ms(render.worstImage.ms)}, ${px(render.worstImage)}`,
    );
    console.log(`  worker peak memory: ${render.workerPeakMb.toFixed(0)} MB\n`);
    rows.push(
      {
        metric: "card render in the worker, worst allowed input",
        ours: ms(render.worstCard.ms),
        baseline: `ordinary card: ${ms(render.card.ms)}`,
        ratio: `${render.cardRatio.toFixed(1)}×`,
        goal: `< ${WORKER_LIMITS.cardTimeoutMs / 1000} s (timeout)`,
        pass: verdict(render.worstCard.ms < WORKER_LIMITS.cardTimeoutMs),
      },
      {
        metric: "download image render, worst allowed input",
        ours: `${ms(render.worstImage.ms)}, ${px(render.worstImage)}`,
        baseline: `ordinary: ${ms(render.image.ms)}, ${px(render.image)}`,
        ratio: `${render.imageRatio.toFixed(1)}×`,
        goal: `≤ ${render.maxHeight} px, < ${WORKER_LIMITS.imageTimeoutMs / 1000} s`,
        pass: verdict(
          render.worstImage.height <= render.maxHeight && render.worstImage.ms < WORKER_LIMITS.imageTimeoutMs,
        ),
      },
      {
        metric: "render worker peak memory",
        ours: `${render.workerPeakMb.toFixed(0)} MB`,
        baseline: "–",
        ratio: "–",
        goal: "–",
        pass: verdict(null),
      },
    );
  }

  if (runs("cold-start")) {
    const cold = await benchColdStart();
    console.log("Cold start: importing the functions bundle in a fresh process (median of 9)");
    console.log(
      `  lib/index.js: ${ms(cold.bundleMs)}; firebase-functions + firebase-admin alone: ${ms(cold.bareMs)}`,
    );
    console.log(`  bundle / bare: ${cold.ratio.toFixed(2)}× (goal ≤ 1.3×)\n`);
    rows.push({
      metric: "functions bundle import (cold start)",
      ours: ms(cold.bundleMs),
      baseline: `firebase-functions + firebase-admin: ${ms(cold.bareMs)}`,
      ratio: `${cold.ratio.toFixed(2)}×`,
      goal: "≤ 1.3×",
      pass: verdict(cold.ratio <= 1.3),
    });
  }

  if (runs("client-size")) {
    console.log(
      "Client size: esbuild, minified, gzip, against the same Firebase SDK features imported directly",
    );
    for (const size of await benchClientSize()) {
      console.log(
        `  ${size.use}: ${kb(size.oursBytes)} against ${kb(size.sdkBytes)}: ${size.ratio.toFixed(2)}×`,
      );
      rows.push({
        metric: `client size: ${size.use}`,
        ours: kb(size.oursBytes),
        baseline: `the SDK features alone: ${kb(size.sdkBytes)}`,
        ratio: `${size.ratio.toFixed(2)}×`,
        goal: size.goal === undefined ? "–" : `≤ ${size.goal}×`,
        pass: verdict(size.goal === undefined ? null : size.ratio <= size.goal),
      });
    }
    const onDemand = await benchOnDemandCost();
    const added = onDemand.withBytes - onDemand.withoutBytes;
    console.log(
      `  on-demand entry: main chunk ${kb(onDemand.withBytes)} against ${kb(onDemand.withoutBytes)} without the cloud: +${kb(added)}, ${onDemand.cloudBytesInMain} bytes of Firebase, zod or the client`,
    );
    rows.push({
      metric: "client size: main-chunk cost of the guide's on-demand entry",
      ours: `+${kb(added)}`,
      baseline: `the same app without the cloud: ${kb(onDemand.withoutBytes)}`,
      ratio: `${(onDemand.withBytes / onDemand.withoutBytes).toFixed(2)}×`,
      goal: "≤ 2 KB",
      pass: verdict(added <= 2048),
    });
    rows.push({
      metric: "client size: cloud code a never-signed-in visitor fetches",
      ours: `${onDemand.cloudBytesInMain} B`,
      baseline: "–",
      ratio: "–",
      goal: "0 B",
      pass: verdict(onDemand.cloudBytesInMain === 0),
    });
    const ui = await benchUiEntry();
    console.log(
      `  @talkstudio/client/react-ui: ${kb(ui.scriptBytes)} of script, ${kb(ui.styleBytes)} of stylesheet`,
    );
    rows.push({
      metric: "client size: @talkstudio/client/react-ui (own code; its stylesheet)",
      ours: `${kb(ui.scriptBytes)}; ${kb(ui.styleBytes)}`,
      baseline: "–",
      ratio: "–",
      goal: "–",
      pass: verdict(null),
    });
    console.log();
  }

  if (runs("collaboration")) {
    const collaboration = await benchCollaborationLatency();
    const line = (l: { medianMs: number; p95Ms: number }) => `median ${ms(l.medianMs)}, p95 ${ms(l.p95Ms)}`;
    console.log(
      `Co-editing: an owner and an editor (two users, two apps), ${collaboration.engine.all.edits / 2} edits each way`,
    );
    console.log(
      `  update() → the other's onRemoteChange, owner → editor: ${line(collaboration.engine.ownerToEditor)}`,
    );
    console.log(
      `  update() → the other's onRemoteChange, editor → owner: ${line(collaboration.engine.editorToOwner)}`,
    );
    console.log(`  both ways (debounceMs 0): ${line(collaboration.engine.all)} (goal p95 < 1 s)`);
    console.log(`  raw batch write → the other's onSnapshot: ${line(collaboration.raw)}`);
    console.log(`  engine / raw (p95): ${collaboration.ratio.toFixed(2)}×`);
    for (const d of collaboration.debounced)
      console.log(`  with debounceMs ${d.debounceMs} (${d.edits} edits): ${line(d)}`);
    console.log(
      `  per edit, both clients: ${collaboration.perEdit.reads.toFixed(1)} reads, ${collaboration.perEdit.writes.toFixed(1)} writes` +
        ` (opening both engines: ${collaboration.open.reads} reads)\n`,
    );
    rows.push(
      {
        metric: "co-editing: edit → other member's engine, p95",
        ours: ms(collaboration.engine.all.p95Ms),
        baseline: `raw write → onSnapshot: ${ms(collaboration.raw.p95Ms)}`,
        ratio: `${collaboration.ratio.toFixed(2)}×`,
        goal: "p95 < 1 s",
        pass: verdict(collaboration.engine.all.p95Ms < 1000),
      },
      ...collaboration.debounced.map((d) => ({
        metric: `co-editing with debounceMs ${d.debounceMs}, p95`,
        ours: ms(d.p95Ms),
        baseline: `raw write → onSnapshot: ${ms(collaboration.raw.p95Ms)}`,
        ratio: `${(d.p95Ms / collaboration.raw.p95Ms).toFixed(2)}×`,
        goal: "p95 < 1 s",
        pass: verdict(d.p95Ms < 1000),
      })),
    );
  }

  if (runs("fidelity")) {
    const fidelity = await benchShareFidelity();
    console.log("The share page against the SPA's preview: chat areas at 390 px, 2 px per CSS px");
    if ("skipped" in fidelity) console.log(`  skipped: ${fidelity.skipped}\n`);
    else {
      console.table(
        fidelity.rows.map((row) => ({
          conversation: row.conversation,
          theme: row.theme,
          SSIM: row.ssim.toFixed(3),
          "pixels differing": `${(row.differing * 100).toFixed(1)}%`,
          "SSIM, SPA with keep-all": row.ssimKeepAll.toFixed(3),
        })),
      );
      console.log("  side by side (SPA | page | differences): reports/share-fidelity/\n");
      for (const [theme, row] of worstByTheme(fidelity.rows))
        rows.push({
          metric: `share page vs the SPA's preview: ${theme} (worst of everyday, short)`,
          ours: `SSIM ${row.ssim.toFixed(3)}`,
          baseline: `${(row.differing * 100).toFixed(1)}% of pixels differ (${row.conversation})`,
          ratio: "–",
          goal: "SSIM ≥ 0.9",
          pass: verdict(row.ssim >= 0.9),
        });
    }
  }

  if (runs("cost")) {
    const costs = await benchCost();
    console.log("Cost model: measured per action (docs/cost.md)");
    console.table(costs);
    for (const users of [1_000, 10_000]) {
      const month = monthlyCost(costs, users);
      console.log(
        `  ${users} MAU: ${Math.round(month.reads)} reads, ${Math.round(month.writes)} writes, ` +
          `${Math.round(month.invocations)} invocations, ${Math.round(month.seconds)} s of functions, ` +
          `${month.egressGiB.toFixed(2)} GiB → $${month.gross.toFixed(2)}/month ($${month.afterFreeTier.toFixed(2)} after free tiers)`,
      );
    }
  }

  console.log("\nSummary: every measurement against its baseline from this run");
  console.table(rows);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
