import { defineConfig } from "drizzle-kit";

// The same tables as db/schema, in PostgreSQL's builders; the parity test keeps the two in step.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-postgres/index.ts",
  out: "./db/migrations/postgres",
  casing: "snake_case",
});
