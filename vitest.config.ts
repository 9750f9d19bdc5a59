import os from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("./", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // tsconfig's "@/*": ["./*"]; Vitest does not read tsconfig paths.
      { find: /^@\//, replacement: root },
      // Next.js resolves "server-only" to an empty module on the server; do the same here.
      {
        find: /^server-only$/,
        replacement: fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
      },
    ],
  },
  test: {
    environment: "node",
    root,
    include: [
      "db/**/*.test.ts",
      "domain/**/*.test.ts",
      "server/**/*.test.ts",
      "cli/**/*.test.ts",
      "app/**/*.test.ts",
    ],
    exclude: ["e2e/**", "node_modules/**", ".next/**"],
    // Vitest leaves a core to itself (one worker on two cores); it does little while the tests
    // run, and the SQLite pass took 3.6 minutes on one. The PostgreSQL pass passes its own count.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // In the PostgreSQL pass (npm run test:postgres), the template test databases copy.
    globalSetup: ["db/test-support/postgres-template.ts"],
  },
});
