import { z } from "zod";

/**
 * The one reader of process.env. Parsed on first use, not at import, so that `next build` (which
 * imports server modules) needs no runtime configuration.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().min(1).default("data/concord.db"),
  AUTH_SECRET: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema> & { AUTH_SECRET: string };

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const { AUTH_SECRET, NODE_ENV } = parsed.data;
  if (!AUTH_SECRET && NODE_ENV === "production") {
    throw new Error(
      "AUTH_SECRET is required in production: set it to a long random string (openssl rand -base64 32).",
    );
  }
  cached = { ...parsed.data, AUTH_SECRET: AUTH_SECRET ?? "concord-development-secret" };
  return cached;
}
