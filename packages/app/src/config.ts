import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  SCENEBRIDGE_DATA_DIR: z.string().default('.data/pglite'),
  NODE_ENV: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['development', 'production', 'test']).optional()),
  // Demo data only when asked for (`npm start` asks); a deployment never gets it by default.
  SCENEBRIDGE_SEED: z.enum(['auto', 'never']).default('never'),
  SCENEBRIDGE_WEB_DIST: z.string().optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  CLOCK_INTERVAL_SECONDS: z.coerce.number().positive().default(30),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  TRUST_PROXY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  SMTP_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
      .optional(),
  ),
  MAIL_FROM: z.string().min(3).default('场景桥 <noreply@scenebridge.local>'),
  PUBLIC_BASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  // A clock the operator can move forward (browser journeys through a 公示 period); never in production.
  SCENEBRIDGE_TIME_TRAVEL: z.enum(['on', 'off']).default('off'),
});

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  seed: 'auto' | 'never';
  /**
   * A deployment rather than a developer's machine: NODE_ENV=production or secure cookies
   * (i.e. served over HTTPS). Such a start refuses demo data and demo accounts.
   */
  production: boolean;
  webDist?: string;
  sessionTtlMs: number;
  cookieSecure: boolean;
  clockIntervalMs: number;
  logLevel: string;
  /** Fastify trustProxy: false, true, or a list of proxy addresses/CIDRs (comma-separated). */
  trustProxy: boolean | string;
  /** Login throttling: attempts per IP per minute, and failures that lock an account. */
  loginRateLimitPerMinute: number;
  /** Per-user limits on CPU-heavy endpoints, overriding http/rate-limits.ts (0 = off, for benchmarks). */
  heavyRateLimits?: Partial<Record<HeavyEndpoint, number>>;
  lockAfterFailures: number;
  lockMinutes: number;
  maxUploadBytes: number;
  /** Outgoing mail server (nodemailer URL). Unset: emails wait in the outbox, a warning is logged once. */
  smtpUrl?: string;
  mailFrom: string;
  /** The site's public root, no trailing slash: links in emails (unsubscribe, items, tasks). */
  publicBaseUrl: string;
  /**
   * Outbox delivery: a claimed row is held for the lease; one send must end well inside it
   * (the worker gives up at half), or a second worker could send the same row.
   */
  outboxLeaseMs: number;
  /** Attempts before a row is 'dead' (never tried again); a 5xx answer makes it dead at once. */
  outboxMaxAttempts: number;
  /** The operator may move the clock forward (POST /dev/clock); the start-up checks refuse it in production. */
  timeTravel: boolean;
}

/** Only a developer's machine (NODE_ENV development or test) serves cookies without `Secure`. */
function cookieSecureOf(e: z.infer<typeof envSchema>): boolean {
  if (e.COOKIE_SECURE !== undefined) return e.COOKIE_SECURE === 'true';
  return e.NODE_ENV !== 'development' && e.NODE_ENV !== 'test';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const e = envSchema.parse(env);
  const cookieSecure = cookieSecureOf(e);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.SCENEBRIDGE_DATA_DIR),
    seed: e.SCENEBRIDGE_SEED,
    production: e.NODE_ENV === 'production' || cookieSecure,
    webDist: e.SCENEBRIDGE_WEB_DIST,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    cookieSecure,
    clockIntervalMs: e.CLOCK_INTERVAL_SECONDS * 1000,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === undefined || e.TRUST_PROXY === 'false' ? false : e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    lockAfterFailures: 5,
    lockMinutes: 15,
    maxUploadBytes: 10 * 1024 * 1024,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    outboxLeaseMs: 5 * 60_000,
    outboxMaxAttempts: 8,
    timeTravel: e.SCENEBRIDGE_TIME_TRAVEL === 'on',
  };
}

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent', ...overrides };
}

/** The endpoints whose CPU cost a caller can multiply; the HTTP layer sets their per-user limits. */
export type HeavyEndpoint = 'qualityCheck' | 'classify' | 'search' | 'matches' | 'duplicateClusters' | 'imports';
