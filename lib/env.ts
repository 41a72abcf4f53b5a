// The only module that reads process.env (STYLE.md). Validated once, typed everywhere.
import { z } from "zod";
import { DEFAULT_EU_REGION, storageRegionProblem } from "./storage/region.rules";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  CI: bool,
  DATABASE_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  TEST_DATABASE_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  /** Database of `npm run bench` (region scale); falls back to DATABASE_URL, then the embedded one. */
  BENCH_DATABASE_URL: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  /** nginx binary for `npm run bench:cluster` (else `nginx` on the PATH). */
  NGINX_BIN: z.string().optional().or(z.literal("").transform(() => undefined)),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Address `npm start` listens on: 127.0.0.1 for the embedded demo, every interface with a DATABASE_URL. */
  HOST: z.string().min(1).max(255).optional().or(z.literal("").transform(() => undefined)),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  DEMO_PASSWORD: z.string().min(12).default("Demo-ProchEmploi-2026"),
  ALLOW_DEMO_ACCOUNTS: bool,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  /** An account past LOGIN_MAX_FAILURES is slowed down (one evaluated attempt per this many seconds), never locked. */
  /** Longest lifetime of a personal API token (days). */
  API_TOKEN_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(90),
  LOGIN_SLOWDOWN_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For): empty = none (the socket
   * address), a number = that many trusted hops in front of the app, or a comma-separated list of
   * proxy addresses.
   */
  TRUST_PROXY: z.string().max(2000).default(""),
  EMBEDDED_PG_DIR: z.string().default(".data/postgres"),
  APP_VERSION: z.string().default("0.1.0"),
  /** Receipts (payslips, expense notes, invoices) are stored here, never under public/. */
  RECEIPTS_DIR: z.string().default(".data/receipts"),
  RECEIPT_MAX_MB: z.coerce.number().int().min(1).max(100).default(10),
  /** Largest CSV/XLSX accepted by the imports (the documented 20 Mo). */
  IMPORT_MAX_MB: z.coerce.number().int().min(1).max(100).default(20),
  /** Imports are parsed in a worker thread within these limits (issue 16 §6), refused beyond them. */
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(50_000),
  IMPORT_MAX_COLUMNS: z.coerce.number().int().min(1).max(16_384).default(200),
  IMPORT_MAX_CELLS: z.coerce.number().int().min(1).max(50_000_000).default(2_000_000),
  IMPORT_PARSE_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  IMPORT_PARSE_MEMORY_MB: z.coerce.number().int().min(64).max(8192).default(512),
  /** Largest JSON body of an API call (a form, a filter): far more than any of them needs. */
  API_BODY_MAX_KB: z.coerce.number().int().min(1).max(10_240).default(1024),
  /** Account links (security settings, not business rules). */
  INVITATION_LINK_HOURS: z.coerce.number().int().min(1).max(336).default(48),
  PASSWORD_RESET_LINK_HOURS: z.coerce.number().int().min(1).max(48).default(2),
  /** Outgoing email. Without SMTP_HOST, emails stay in the database outbox shown to admins. */
  SMTP_HOST: z.string().optional().or(z.literal("").transform(() => undefined)),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** true: TLS from the first byte (port 465); false: STARTTLS, required unless SMTP_REQUIRE_TLS=false. */
  SMTP_SECURE: bool,
  SMTP_REQUIRE_TLS: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v !== "false" && v !== "0"),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().default("SI Proch'Emploi <ne-pas-repondre@prochemploi.hautsdefrance.fr>"),
  /** SMS (issue 20): "brevo" with its API key; absent = SMS disabled (e-mail and letters still work). */
  SMS_PROVIDER: z.enum(["brevo", ""]).optional().transform((v) => v || undefined),
  SMS_API_KEY: z.string().optional().or(z.literal("").transform(() => undefined)),
  SMS_API_URL: z.string().url().default("https://api.brevo.com"),
  /** Sender shown on the phone: 3 to 11 letters or digits. */
  SMS_SENDER: z.string().regex(/^[A-Za-z0-9]{3,11}$/).default("ProchEmploi"),
  /** Secret in the URL of the provider's delivery-report callback (/api/sms/callback?secret=…). */
  SMS_CALLBACK_SECRET: z.string().min(16).optional().or(z.literal("").transform(() => undefined)),
  /** Secret in the URL of the e-mail relay's event webhook (/api/email/callback?secret=…): late bounces. Absent: the route answers 404. */
  EMAIL_WEBHOOK_SECRET: z.string().min(16).optional().or(z.literal("").transform(() => undefined)),
  /** Scheduled jobs (pg-boss, on the same PostgreSQL): each runs once whatever the number of instances. */
  JOBS_ENABLED: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v !== "false" && v !== "0"),
  /**
   * Compression of the answers by the application server (server/compression.ts): on by default;
   * "false" behind a reverse proxy that compresses itself (docs/deploiement.md), so that the work is
   * not done twice.
   */
  HTTP_COMPRESSION: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v !== "false" && v !== "0"),
  /** Name of this app instance in job runs and logs (default: host:pid). */
  INSTANCE_NAME: z.string().optional(),
  /** Set by Next.js: "nodejs" or "edge" (instrumentation starts jobs only in Node.js). */
  NEXT_RUNTIME: z.string().optional(),
  /** Uploaded files: "local" (a folder; a shared volume when several instances) or "s3" (S3-compatible object storage). */
  STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
  STORAGE_DIR: z.string().default(".data/files"),
  /** S3-compatible storage (STORAGE_DRIVER=s3): endpoint empty for AWS itself. */
  S3_ENDPOINT: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  /** Default: Paris. A region outside the EU stops the start-up (lib/storage/region.rules.ts) unless allowed below. */
  S3_REGION: z.string().min(1).default(DEFAULT_EU_REGION),
  /** Explicit acknowledgement that a region the EU list does not know is acceptable (e.g. a self-hosted MinIO). */
  S3_ALLOW_NON_EU_REGION: bool,
  S3_BUCKET: z.string().optional().or(z.literal("").transform(() => undefined)),
  S3_ACCESS_KEY_ID: z.string().optional().or(z.literal("").transform(() => undefined)),
  S3_SECRET_ACCESS_KEY: z.string().optional().or(z.literal("").transform(() => undefined)),
  /** true for most self-hosted servers (MinIO, Garage): https://host/bucket/key. */
  S3_FORCE_PATH_STYLE: bool,
  /** Attempts before an email is left in the outbox as failed. */
  SMTP_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** Cron of the nightly retention run (lib/jobs/registry.ts), in JOBS_TIMEZONE. */
  RETENTION_CRON: z.string().min(9).default("30 2 * * *"),
  JOBS_TIMEZONE: z.string().default("Europe/Paris"),
  /**
   * Audit chain (issue 18): milliseconds between two calls of the sealer in this server instance
   * (lib/audit/audit-sealer.ts), whatever JOBS_ENABLED says — sealing is part of writing the audit
   * log. 0: this instance does not seal (another must, or `npm run audit:seal`).
   */
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(250),
  /**
   * Longest wait before an event is sealed that the verification accepts (`npm run audit:verify`,
   * the nightly job, the DPO's screen), in minutes. An operational parameter: sealing normally takes
   * under a second, but an event written in a long transaction (an import) is sealed only after
   * its COMMIT, and is dated from its write; a value below the longest such transaction would report
   * a false alarm.
   */
  AUDIT_SEAL_MAX_DELAY_MINUTES: z.coerce.number().min(1).max(7 * 24 * 60).default(5),
});

export type Env = z.infer<typeof envSchema>;

function load(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Configuration invalide :\n${lines.join("\n")}`);
  }
  if (parsed.data.STORAGE_DRIVER === "s3" && !parsed.data.S3_BUCKET) throw new Error("Configuration invalide :\n  - S3_BUCKET: requis quand STORAGE_DRIVER=s3");
  const region = storageRegionProblem(parsed.data);
  if (region) throw new Error(`Configuration invalide :\n  - ${region}`);
  return parsed.data;
}

export const env: Env = load();

/** Secrets required to serve requests; checked at start-up in production. */
export function missingProductionSecrets(e: Env = env): string[] {
  const missing: string[] = [];
  if (!e.NEXTAUTH_SECRET) missing.push("NEXTAUTH_SECRET");
  if (!e.DATABASE_URL) missing.push("DATABASE_URL");
  return missing;
}

/** Raw access for scripts that must pass the environment on to a child process. */
export function processEnv(): NodeJS.ProcessEnv {
  return process.env;
}
