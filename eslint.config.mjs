import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** Dependencies point one way: app -> server -> db, and domain/ depends on nothing of ours. */
const forbid = (patterns, message) => ({
  "no-restricted-imports": ["error", { patterns: [{ group: patterns, message }] }],
});

const ours = (folder) => [`@/${folder}`, `@/${folder}/*`, `**/${folder}/*`];

export default tseslint.config(
  {
    ignores: [
      ".next/",
      "node_modules/",
      "db/migrations/",
      "test-results/",
      "playwright-report/",
      "data/",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "@next/next": nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
    },
  },
  reactHooks.configs.flat["recommended-latest"],
  {
    rules: {
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["domain/**"],
    rules: forbid(
      [
        ...ours("app"),
        ...ours("server"),
        ...ours("db"),
        ...ours("cli"),
        ...ours("scripts"),
        "next",
        "next/*",
        "react",
        "react-dom",
        "drizzle-orm",
        "drizzle-orm/*",
        "@trpc/*",
        "better-sqlite3",
        "node:*",
      ],
      "domain/ is framework-free logic: it imports no framework and nothing else of ours.",
    ),
  },
  {
    files: ["db/**"],
    rules: forbid(
      [...ours("app"), ...ours("server"), ...ours("cli"), ...ours("scripts")],
      "db/ is the bottom layer: it may use domain/ but nothing above it.",
    ),
  },
  {
    files: ["server/**"],
    rules: forbid(
      [...ours("app"), ...ours("cli"), ...ours("scripts")],
      "server/ must not depend on its callers (app/, cli/, scripts/).",
    ),
  },
  {
    files: ["app/**"],
    rules: forbid(
      [...ours("db"), ...ours("cli"), "better-sqlite3", "drizzle-orm", "drizzle-orm/*"],
      "app/ talks to the server through tRPC and server/ modules, never to the database.",
    ),
  },
);
