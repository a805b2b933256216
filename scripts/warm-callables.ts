// Starts one Functions emulator worker for each callable, before the tests need it. The emulator
// starts a worker (a process that loads the whole functions bundle, seconds on two busy cores) for
// the first request of each function; scripts/run-tests.mjs runs this beside the shared-project
// tests, so those seconds leave the suite's critical path. Each request is a CORS preflight, which
// firebase-functions answers itself: none of our code runs, nothing is read, written or logged.
import { callables } from "../client/src/index.js";
import { functionUrl } from "../dev/emulators.js";

for (const { name } of Object.values(callables)) {
  const response = await fetch(functionUrl(name), {
    method: "OPTIONS",
    headers: { Origin: "http://localhost", "Access-Control-Request-Method": "POST" },
  });
  // Only a head start: a worker that fails to start here fails the tests that call it, not this.
  if (response.status !== 204) console.warn(`${name}'s preflight answered ${response.status}.`);
}
