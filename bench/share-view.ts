// What a public share view costs the client: documents read and function calls, counted on the wire
// (documents from the Firestore SDK's own debug log of its protocol, calls from fetch to the
// Functions emulator), and the openShare callable's latency against a direct document get.
import { initializeApp } from "firebase/app";
import { doc, getDoc } from "firebase/firestore";
import { performance } from "node:perf_hooks";
import {
  callFunction,
  callables,
  createConversation,
  createShare,
  createTalkStudio,
  firestorePaths,
  openShare,
  type TalkStudio,
} from "../client/src/index.js";
import { emulatorHosts, PROJECT_ID } from "../dev/emulators.js";
import { kakaoThemeCopy } from "../dev/theme-fixture.js";
import { newUser } from "./users.js";
import { counted } from "./wire-counts.js";

let viewers = 0;
function newViewer(): TalkStudio {
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: "demo-api-key" }, `viewer-${++viewers}`);
  return createTalkStudio(app, { emulators: { host: emulatorHosts.firestore.split(":")[0] } });
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function timed(times: number, work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** A 40-message kakao conversation, shared by the benchmarks. */
export function benchConversation() {
  return {
    title: "공유 벤치",
    conversation: {
      platformSkin: "kakao" as const,
      title: "민지",
      unreadCount: 0,
      authors: [{ id: "me", name: "나", avatarUrl: "" }],
      messages: Array.from({ length: 40 }, (_, i) => ({
        id: `m${i}`,
        role: "me" as const,
        authorId: "me",
        text: `메시지 ${i}`,
        datetime: "2024-03-05 오후 7:30",
      })),
    },
    theme: kakaoThemeCopy(),
    statusBar: { time: "12:30", battery: 80, isWifi: true },
  };
}

export async function benchShareView() {
  const owner = await newUser();
  const data = benchConversation();
  const { id } = await createConversation(owner, data);
  const open = await createShare(owner, { conversationId: id });
  const locked = await createShare(owner, { conversationId: id, password: "bench-pass" });

  const publicView = await counted(() => openShare(newViewer(), open.code));
  const passwordView = await counted(() => openShare(newViewer(), locked.code, "bench-pass"));

  // Latency, warm: one viewer app each, a few warm-up rounds first.
  const direct = newViewer();
  const viaCallable = newViewer();
  const get = () => getDoc(doc(direct.db, firestorePaths.share(open.code)));
  const call = () => callFunction(viaCallable, callables.openShare, { code: open.code });
  await timed(3, get);
  await timed(3, call);
  const getMs = await timed(20, get);
  const callMs = await timed(20, call);
  return { publicView, passwordView, getMs, callMs, ratio: callMs / getMs };
}
