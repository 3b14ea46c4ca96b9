// Environment, validated once. Every module reads configuration through here, so a bad value
// fails at start-up with a message that says what to set.
import path from "node:path";
import { z } from "zod";
import { parseAllowHosts } from "./net/allowHosts";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  HYPELINE_HOME: z.string().optional(),
  HYPELINE_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Unset: every data-changing route answers 401 (reading needs no token). */
  HYPELINE_ADMIN_TOKEN: z
    .string()
    .min(16, "HYPELINE_ADMIN_TOKEN must be at least 16 characters (e.g. openssl rand -hex 24)")
    .optional(),
  /** Analysis worker threads per ingesting process (ingest/analysisPool.ts); default cores − 1, at least 1. */
  HYPELINE_ANALYSIS_THREADS: z.coerce.number().int().min(1).max(16).optional(),
  /** "0": `npm start` runs the dashboard without a queue worker. */
  HYPELINE_WORKER: z.enum(["0", "1"], { message: 'HYPELINE_WORKER must be "0" or "1"' }).optional(),
  /** Hosts that server-side fetching may reach although they resolve to private addresses (lib/net/safeFetch.ts). */
  HYPELINE_FETCH_ALLOW_HOSTS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseAllowHosts(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
});

export type Env = z.infer<typeof schema>;

/** Parsed on each call (cheap), so tests and scripts that set variables later are seen. */
export function getEnv(): Env {
  const parsed = schema.safeParse({
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    HYPELINE_ADMIN_TOKEN: process.env.HYPELINE_ADMIN_TOKEN || undefined,
    HYPELINE_WORKER: process.env.HYPELINE_WORKER || undefined,
    HYPELINE_ANALYSIS_THREADS: process.env.HYPELINE_ANALYSIS_THREADS || undefined,
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${issues}\nFix these variables (see README, "Configuration").`);
  }
  return parsed.data;
}

/** Project-local folder for the embedded database and other machine state (git-ignored). */
export function hypelineHome(): string {
  return path.resolve(getEnv().HYPELINE_HOME ?? path.join(process.cwd(), ".hypeline"));
}
