// `npm test`'s last step: fails when the suite left any expression of firestore.rules unevaluated,
// naming each. Merges what each test file's checkpoint wrote (tests/support/rules-coverage.ts).
import { unevaluatedRules } from "./support/rules-coverage.js";

const { total, missing } = unevaluatedRules();
if (missing.length > 0) {
  console.error(
    `Rules coverage: ${missing.length} of ${total} expressions in firestore.rules were never evaluated by any test:\n  ${missing.join("\n  ")}`,
  );
  process.exit(1);
}
console.log(`Rules coverage: all ${total} expressions in firestore.rules were evaluated by the suite.`);
