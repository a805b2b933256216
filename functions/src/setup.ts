// Imported first by index.ts: ES modules run their imports before their own body, so options set
// anywhere later would miss the functions defined by those imports.
import { initializeApp } from "firebase-admin/app";
import { setGlobalOptions } from "firebase-functions/v2";
import { FUNCTIONS_REGION } from "./schema.js";

initializeApp();
setGlobalOptions({ region: FUNCTIONS_REGION, maxInstances: 10 });
