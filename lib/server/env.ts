import { z } from "zod";
import { databaseFromUrl, DatabaseUrlError, type DatabaseTarget } from "./db/url";

// No `server-only` import: scripts/start.ts validates the same environment before serving.

const schema = z.object({
  DATABASE_URL: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be a URL such as https://recall.example.org").optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DEMO: z.enum(["0", "1"], "DEMO must be 0 or 1").optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SIGNUPS_PER_ADDRESS: z.coerce.number("SIGNUPS_PER_ADDRESS must be a whole number").int().min(1).max(1_000_000).default(100),
  TRUSTED_PROXIES: z
    .string()
    .regex(/^\d{1,2}$/, "TRUSTED_PROXIES must be the number of proxies in front of the app, such as 0 or 1")
    .optional(),
});

export interface Env {
  database: DatabaseTarget;
  nextAuthSecret: string | undefined;
  /** NEXTAUTH_URL, the app's public URL (start.ts sets `http://localhost:$PORT` when unset). */
  publicUrl: string;
  nodeEnv: "development" | "production" | "test";
  demo: boolean;
  port: number;
  /** Sign-ups allowed per client address per hour. */
  signUpsPerAddress: number;
  /** Proxies in front of the app that append to X-Forwarded-For (lib/server/rate-limit.ts, clientIp). */
  trustedProxies: number;
}

/** Thrown for a bad environment; its message is one line per problem, without a stack. */
export class EnvError extends Error {
  override name = "EnvError";
}

/**
 * Validates the environment. `demo` is on unless NODE_ENV=production, where it takes DEMO=1.
 * scripts/start.ts decides DEMO before `next start` forces NODE_ENV=production, and passes it on.
 */
export function parseEnv(source: Readonly<Record<string, string | undefined>> = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  }
  const env = result.data;
  let database: DatabaseTarget;
  try {
    database = databaseFromUrl(env.DATABASE_URL);
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new EnvError(error.message);
    throw error;
  }
  return {
    database,
    nextAuthSecret: env.NEXTAUTH_SECRET,
    publicUrl: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    nodeEnv: env.NODE_ENV,
    demo: env.DEMO === undefined ? env.NODE_ENV !== "production" : env.DEMO === "1",
    port: env.PORT,
    signUpsPerAddress: env.SIGNUPS_PER_ADDRESS,
    trustedProxies: Number(env.TRUSTED_PROXIES ?? 0),
  };
}

let cached: Env | undefined;
/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
