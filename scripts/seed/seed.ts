// Loads the demo data into a running emulator suite (`npm start` runs it inside emulators:exec).
//   node --import tsx scripts/seed/seed.ts [--serve]
// --serve prints where everything is and keeps the suite up until Ctrl-C.
import { initializeApp as initializeAdmin } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { initializeApp } from "firebase/app";
import { signInWithEmailAndPassword } from "firebase/auth";
import {
  createShare,
  createTalkStudio,
  listShares,
  migrateLocalStorage,
  type ShareSettings,
  type TalkStudio,
} from "../../client/src/index.js";
import { startFakeKakao } from "../../dev/fake-kakao.js";
import {
  DEMO_KAKAO_TOKEN,
  DEMO_KAKAO_USER,
  DEMO_PROJECTS,
  DEMO_SHARE_PASSWORD,
  DEMO_USER,
} from "../../dev/demo-projects.js";

const PROJECT_ID = process.env.GCLOUD_PROJECT ?? "demo-talkstudio";

/** The demo user imports the projects through the client's own migration, as the SPA would. */
async function importDemoProjects(ts: TalkStudio): Promise<string> {
  const storage = {
    getItem: (key: string) => (key === "talkstudio_projects" ? JSON.stringify(DEMO_PROJECTS) : null),
  };
  const result = await migrateLocalStorage(ts, storage);
  if (result.failed.length > 0 || result.skipped.some((s) => s.reason !== "already-imported")) {
    throw new Error(`the demo projects did not import: ${JSON.stringify(result)}`);
  }
  const first = [...result.imported, ...result.skipped].find((p) => p.key === DEMO_PROJECTS[0]!.id);
  if (!first) throw new Error("the first demo project is missing from the import report");
  return first.conversationId;
}

/** A public and a password-protected share of the first project, through createShare (once). */
async function shareDemoProject(ts: TalkStudio, conversationId: string): Promise<ShareSettings[]> {
  const existing = (await listShares(ts, { conversationId })).items.filter((s) => s.revokedAt === null);
  if (existing.length > 0) return existing;
  await createShare(ts, { conversationId });
  await createShare(ts, { conversationId, password: DEMO_SHARE_PASSWORD });
  return (await listShares(ts, { conversationId })).items;
}

async function seed(): Promise<ShareSettings[]> {
  if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
    throw new Error("Seed only runs against the emulators: start them with `npm start`.");
  }
  const admin = initializeAdmin({ projectId: PROJECT_ID });
  await getAuth(admin)
    .createUser({ ...DEMO_USER, emailVerified: true })
    .catch((error: { code?: string }) => {
      if (error.code !== "auth/uid-already-exists") throw error;
    });
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: "demo-api-key" });
  const host = process.env.FIREBASE_AUTH_EMULATOR_HOST.split(":")[0] ?? "127.0.0.1";
  const ts = createTalkStudio(app, { emulators: { host } });
  await signInWithEmailAndPassword(ts.auth, DEMO_USER.email, DEMO_USER.password);
  return shareDemoProject(ts, await importDemoProjects(ts));
}

function printWhereThingsAre(shares: ShareSettings[]): void {
  const hosting = process.env.FIREBASE_HOSTING_EMULATOR_HOST ?? "127.0.0.1:5000";
  console.log(`
TalkStudio emulators are up, project ${PROJECT_ID}, with demo data:
  Auth       http://${process.env.FIREBASE_AUTH_EMULATOR_HOST}
  Firestore  http://${process.env.FIRESTORE_EMULATOR_HOST}
  Functions  http://${process.env.FUNCTIONS_EMULATOR_HOST ?? "127.0.0.1:5001"}/${PROJECT_ID}/asia-northeast3/<name>
  Demo page  http://${hosting}/  (sign in as the demo user, share a conversation, open its link)
  Demo user  ${DEMO_USER.email} / ${DEMO_USER.password} (uid ${DEMO_USER.uid}), ${DEMO_PROJECTS.length} conversations
  Shares     ${shares.map((s) => `http://${hosting}/s/${s.code}${s.passwordProtected ? ` (password "${DEMO_SHARE_PASSWORD}")` : " (public)"}`).join("\n             ")}
             or openShare(ts, code, password?) from @talkstudio/client
  Kakao      fake API on 127.0.0.1:9777: kakaoSignIn({ accessToken: "${DEMO_KAKAO_TOKEN}" }) signs in ${DEMO_KAKAO_USER.nickname}
Press Ctrl-C to stop.`);
}

try {
  const shares = await seed();
  if (process.argv.includes("--serve")) {
    // The demo project's functions call this fake instead of kapi.kakao.com (functions/.env.demo-talkstudio).
    const kakao = await startFakeKakao();
    kakao.setUser(DEMO_KAKAO_USER);
    kakao.issueToken(DEMO_KAKAO_USER.id, { token: DEMO_KAKAO_TOKEN });
    printWhereThingsAre(shares);
    // Serve until Ctrl-C: emulators:exec stops the suite when this script exits.
    setInterval(() => undefined, 1 << 30);
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
  } else {
    console.log("Seeded the demo data.");
    process.exit(0); // the SDKs' open connections would keep a one-off run alive
  }
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
