import { mkdir, writeFile } from "node:fs/promises";
import { emulatorHosts, PROJECT_ID } from "./support/emulators.js";

/** The suite needs the emulators that `npm test` starts; say so in one line instead of timing out. */
export function setup(): void {
  if (!process.env.FIRESTORE_EMULATOR_HOST) {
    throw new Error("The emulators are not running: run the tests with `npm test`, which starts them.");
  }
}

/** After the run, keep the rules coverage report (reports/ is gitignored). */
export async function teardown(): Promise<void> {
  if (!process.env.FIRESTORE_EMULATOR_HOST) return;
  const url = `http://${emulatorHosts.firestore}/emulator/v1/projects/${PROJECT_ID}:ruleCoverage.html`;
  try {
    const response = await fetch(url);
    if (!response.ok) return;
    await mkdir("reports", { recursive: true });
    await writeFile("reports/firestore-rules-coverage.html", await response.text());
    console.log("Rules coverage report: reports/firestore-rules-coverage.html");
  } catch (error) {
    // The report records every value the rules saw; after runs that evaluate near-1 MiB documents it
    // can outgrow what V8 holds in one string. The report is a convenience: say so and go on.
    console.log(`No rules coverage report this run (${String(error)}).`);
  }
}
