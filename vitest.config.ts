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
    // In the PostgreSQL pass (npm run test:postgres), the template test databases copy.
    globalSetup: ["db/test-support/postgres-template.ts"],
  },
});
