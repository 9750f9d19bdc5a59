import { z } from "zod";
import { findDatabaseUrlProblem } from "@/db/database-url";

/**
 * The one reader of process.env. Parsed on first use, not at import, so that `next build` (which
 * imports server modules) needs no runtime configuration.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string()
    .min(1)
    .default("data/concord.db")
    .superRefine((url, context) => {
      const problem = findDatabaseUrlProblem(url);
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
  // Connections to PostgreSQL each server keeps at most (SQLite has one).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  AUTH_SECRET: z.string().min(1).optional(),
  // The secret being retired: sessions it signed stay valid while new ones use AUTH_SECRET.
  AUTH_SECRET_PREVIOUS: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema> & {
  AUTH_SECRET: string;
  /** Every secret a session token may be signed with, the one that signs new tokens first. */
  authSecrets: string[];
};

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** A setting Concord cannot run with: the CLI prints it as it is, the server stops on it. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigurationError(
      `Invalid environment variable ${issue?.path.join(".")}: ${issue?.message}`,
    );
  }
  const { AUTH_SECRET_PREVIOUS, NODE_ENV } = parsed.data;
  if (!parsed.data.AUTH_SECRET && NODE_ENV === "production") {
    throw new ConfigurationError(
      "AUTH_SECRET is required in production: set it to a long random string (openssl rand -base64 32).",
    );
  }
  const AUTH_SECRET = parsed.data.AUTH_SECRET ?? "concord-development-secret";
  const authSecrets = [AUTH_SECRET, ...(AUTH_SECRET_PREVIOUS ? [AUTH_SECRET_PREVIOUS] : [])];
  return { ...parsed.data, AUTH_SECRET, authSecrets };
}
