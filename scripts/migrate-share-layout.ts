// One-off, before deploying the layout where a share's owner left its public document
// (docs/sharing.md): moves old shares' owner fields. Runs with the admin SDK's default credentials
// (GOOGLE_APPLICATION_CREDENTIALS and GCLOUD_PROJECT), or against an emulator (FIRESTORE_EMULATOR_HOST).
//   node --import tsx scripts/migrate-share-layout.ts
import { initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { migrateShareLayout } from "../functions/src/shares/layout-migration.js";

initializeApp();
console.log(`Moved the owner of ${await migrateShareLayout(getFirestore())} shares.`);
