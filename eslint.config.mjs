import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** Dependencies point one way: app -> server -> db, and domain/ depends on nothing of ours. */
const forbid = (...groups) => ({
  "no-restricted-imports": [
    "error",
    { patterns: groups.map(([group, message]) => ({ group, message })) },
  ],
});

const ours = (folder) => [`@/${folder}`, `@/${folder}/*`, `**/${folder}/*`];

/** Tests and their support modules; nothing else may import the support, so no bundle holds it. */
const testFiles = ["**/*.test.ts", "**/test-support/**"];
const testOnly = [
  ["**/test-support", "**/test-support/*"],
  "test-support/ holds helpers for tests: only *.test.ts files and other test support import it.",
];

/** A layer's rule: production files also keep out test support; its tests may use it. */
const layer = (folder, patterns, message) => [
  { files: [`${folder}/**`], rules: forbid([patterns, message], testOnly) },
  { files: testFiles.map((files) => `${folder}/${files}`), rules: forbid([patterns, message]) },
];

const domainImports = [
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
];
const domainMessage =
  "domain/ is framework-free logic: it imports no framework and nothing else of ours.";

/**
 * Above db/, queries are written once for SQLite and PostgreSQL: tables come from `tablesOf(db)`
 * (each database has its own table objects) and every query is awaited.
 */
const tableNames =
  "users|projects|memberships|labels|documents|annotations|spans|goldRejections|assignments|" +
  "rateLimits|invitations";
const oneCodePathForBothDatabases = {
  "no-restricted-syntax": [
    "error",
    {
      selector: `ImportDeclaration[source.value=/^@\\/db\\/schema/][importKind!='type'] > ImportSpecifier[importKind!='type'][imported.name=/^(${tableNames})$/]`,
      message:
        "Take tables from tablesOf(db): PostgreSQL has its own table objects (import type is fine).",
    },
    {
      selector:
        "CallExpression[arguments.length=0][callee.type='MemberExpression'][callee.property.name=/^(get|all|run)$/]",
      message: "Await the query instead: PostgreSQL's queries have no .get(), .all() or .run().",
    },
    {
      selector: "MemberExpression[property.name='$client']",
      message: "The driver under a database belongs to db/: add what you need there, for both.",
    },
  ],
};

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
  ...layer("domain", [...domainImports, "node:*"], domainMessage),
  // Only the test support reads the fixture files from disk.
  { files: ["domain/test-support/**"], rules: forbid([domainImports, domainMessage]) },
  ...layer(
    "db",
    [...ours("app"), ...ours("server"), ...ours("cli"), ...ours("scripts")],
    "db/ is the bottom layer: it may use domain/ but nothing above it.",
  ),
  ...layer(
    "server",
    [...ours("app"), ...ours("cli"), ...ours("scripts")],
    "server/ must not depend on its callers (app/, cli/, scripts/).",
  ),
  ...layer(
    "app",
    [...ours("db"), ...ours("cli"), "better-sqlite3", "drizzle-orm", "drizzle-orm/*"],
    "app/ talks to the server through tRPC and server/ modules, never to the database.",
  ),
  {
    // app/ never reaches the database (its layer rule), so its own .run() methods are safe.
    files: ["server/**", "cli/**", "scripts/**", "bench/**", "instrumentation.ts"],
    rules: oneCodePathForBothDatabases,
  },
  ...["cli", "scripts", "bench", "e2e"].map((folder) => ({
    files: [`${folder}/**`],
    ignores: testFiles,
    rules: forbid(testOnly),
  })),
);
