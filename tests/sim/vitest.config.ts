// `npm run sim`: the simulator alone, without the emulators the main suite needs.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["tests/sim/**/*.test.ts"], testTimeout: 3_600_000 },
});
