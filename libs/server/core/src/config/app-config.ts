import { z } from 'zod';

/** Everything the API reads from its environment, validated once at boot. Nothing else reads process.env. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  isProduction: boolean;
  host: string;
  port: number;
  /** Where people reach the platform; used in start output and invite links. */
  publicUrl: string;
  /** Origins allowed to send credentialed requests and open WebSockets. */
  allowedOrigins: string[];
  databaseUrl: string;
  database: {
    poolMax: number;
    connectTimeoutMs: number;
    statementTimeoutMs: number;
    idleTimeoutMs: number;
    /** Migrations wait at most this long for a table lock before failing. */
    migrationLockTimeoutMs: number;
  };
  redisUrl?: string;
  /** Key for HMACs of session and invite tokens (so a leaked database cannot be replayed). */
  secretKey: string;
  cookieSecure: boolean;
  trustProxy: boolean;
  graphql: {
    /** Introspection (signed-in users only) and the explorer landing page. */
    introspection: boolean;
    explorer: boolean;
    /** Full error messages and stack traces in logs only; clients never see stack traces. */
    maskUnexpectedErrors: boolean;
    /** Operation limits, the same over HTTP and WebSocket. */
    limits: GraphqlLimits;
  };
  auth: {
    sessionTtlDays: number;
    loginAttemptsPerAccount: number;
    loginAttemptsPerAddress: number;
    loginWindowSeconds: number;
    registrationsPerAddress: number;
    registrationWindowSeconds: number;
  };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Built web client to serve at `/`; absent when only the API runs. */
  webRoot?: string;
  /** Seed the demo organisation when the database has no accounts yet. */
  seedDemo: boolean;
  shutdownGraceMs: number;
  /** Bearer token for `/metrics` (Prometheus text); without it the endpoint does not exist. */
  metricsToken?: string;
  /** The organisation's IANA time zone: metrics count days from its midnight. */
  timeZone: string;
  email: {
    /** Where digest e-mails are sent (smtp:// or smtps://, with user and password in the URL); without it they are only written and logged. */
    smtpUrl?: string;
    /** How e-mails leave this installation: by SMTP when `smtpUrl` is set, else only written and logged. */
    transport: 'smtp' | 'log';
    /** The From header of every e-mail. */
    from: string;
  };
  analytics: {
    /** Background jobs (rollups, sentiment scoring) run on this instance; off in tests, which run them directly. */
    jobs: boolean;
    /** Months of the raw activity log kept; older months are dropped (rollups stay). */
    retentionMonths: number;
    /** Any slice of fewer people than this is suppressed, so no one's activity can be read from a small group. */
    minGroupSize: number;
  };
}

export interface GraphqlLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

/**
 * Defaults leave headroom over the web client's heaviest operation; `graphql-limits.api.spec.ts`
 * checks every client operation fits and that the limits stay within a small multiple of it.
 */
export const DEFAULT_GRAPHQL_LIMITS: GraphqlLimits = {
  maxDepth: 8,
  maxAliases: 10,
  maxDirectives: 20,
  maxTokens: 500,
  maxCost: 8_000,
};

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Commons cannot start: the configuration is invalid.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: int(0, 65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//u, 'must be a postgres:// URL')
    .optional(),
  DATABASE_POOL_MAX: int(1, 500).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: int(100, 60_000).default(3_000),
  DATABASE_STATEMENT_TIMEOUT_MS: int(100, 600_000).default(15_000),
  DATABASE_IDLE_TIMEOUT_MS: int(1_000, 600_000).default(30_000),
  MIGRATION_LOCK_TIMEOUT_MS: int(100, 600_000).default(10_000),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//u, 'must be a redis:// URL')
    .optional(),
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: bool.default(false),
  GRAPHQL_INTROSPECTION: bool.optional(),
  GRAPHQL_EXPLORER: bool.optional(),
  GRAPHQL_MAX_DEPTH: int(1, 100).default(DEFAULT_GRAPHQL_LIMITS.maxDepth),
  GRAPHQL_MAX_ALIASES: int(0, 1_000).default(DEFAULT_GRAPHQL_LIMITS.maxAliases),
  GRAPHQL_MAX_DIRECTIVES: int(0, 1_000).default(DEFAULT_GRAPHQL_LIMITS.maxDirectives),
  GRAPHQL_MAX_TOKENS: int(10, 100_000).default(DEFAULT_GRAPHQL_LIMITS.maxTokens),
  GRAPHQL_MAX_COST: int(1, 1_000_000).default(DEFAULT_GRAPHQL_LIMITS.maxCost),
  SESSION_TTL_DAYS: int(1, 365).default(30),
  LOGIN_ATTEMPTS_PER_ACCOUNT: int(1, 10_000).default(10),
  LOGIN_ATTEMPTS_PER_ADDRESS: int(1, 100_000).default(50),
  LOGIN_WINDOW_SECONDS: int(1, 86_400).default(900),
  REGISTRATIONS_PER_ADDRESS: int(1, 100_000).default(20),
  REGISTRATION_WINDOW_SECONDS: int(1, 86_400).default(3_600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  WEB_ROOT: z.string().optional(),
  SEED_DEMO: bool.default(false),
  SHUTDOWN_GRACE_MS: int(0, 120_000).default(10_000),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  TIME_ZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris').default('UTC'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/u, 'must be an smtp:// or smtps:// URL')
    .optional(),
  EMAIL_FROM: z.string().min(3).optional(),
  ANALYTICS_JOBS: bool.optional(),
  ANALYTICS_RETENTION_MONTHS: int(2, 240).default(25),
  ANALYTICS_MIN_GROUP_SIZE: int(1, 1_000).default(5),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface ConfigSources {
  env: Record<string, string | undefined>;
  /** Development secrets generated once and kept on disk; supplied by the caller so this stays pure. */
  developmentSecretKey?: () => string;
  defaultWebRoot?: string;
}

/** Validates the environment; throws ConfigError listing every problem at once. */
export function loadConfig({ env, developmentSecretKey, defaultWebRoot }: ConfigSources): AppConfig {
  // Empty strings mean "unset", as most shells and compose files write them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const problems: string[] = [];

  if (!e.DATABASE_URL) {
    problems.push(
      isProduction
        ? 'DATABASE_URL is required in production.'
        : 'DATABASE_URL is not set. Run `npm start` (it starts an embedded PostgreSQL for you) or set DATABASE_URL.',
    );
  }
  let secretKey = e.SECRET_KEY;
  if (!secretKey) {
    if (isProduction || !developmentSecretKey) problems.push('SECRET_KEY is required in production (at least 32 random characters).');
    else secretKey = developmentSecretKey();
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/u, '');
  const allowedOrigins = e.ALLOWED_ORIGINS
    ? e.ALLOWED_ORIGINS.split(',').map((o) => o.trim().replace(/\/$/u, '')).filter(Boolean)
    : defaultOrigins(publicUrl, e.PORT, isProduction);

  return {
    nodeEnv: e.NODE_ENV,
    isProduction,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    allowedOrigins,
    databaseUrl: e.DATABASE_URL as string,
    database: {
      poolMax: e.DATABASE_POOL_MAX,
      connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      idleTimeoutMs: e.DATABASE_IDLE_TIMEOUT_MS,
      migrationLockTimeoutMs: e.MIGRATION_LOCK_TIMEOUT_MS,
    },
    redisUrl: e.REDIS_URL,
    secretKey: secretKey as string,
    cookieSecure: e.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
    trustProxy: e.TRUST_PROXY,
    graphql: {
      introspection: e.GRAPHQL_INTROSPECTION ?? !isProduction,
      explorer: e.GRAPHQL_EXPLORER ?? !isProduction,
      maskUnexpectedErrors: isProduction,
      limits: {
        maxDepth: e.GRAPHQL_MAX_DEPTH,
        maxAliases: e.GRAPHQL_MAX_ALIASES,
        maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
        maxTokens: e.GRAPHQL_MAX_TOKENS,
        maxCost: e.GRAPHQL_MAX_COST,
      },
    },
    auth: {
      sessionTtlDays: e.SESSION_TTL_DAYS,
      loginAttemptsPerAccount: e.LOGIN_ATTEMPTS_PER_ACCOUNT,
      loginAttemptsPerAddress: e.LOGIN_ATTEMPTS_PER_ADDRESS,
      loginWindowSeconds: e.LOGIN_WINDOW_SECONDS,
      registrationsPerAddress: e.REGISTRATIONS_PER_ADDRESS,
      registrationWindowSeconds: e.REGISTRATION_WINDOW_SECONDS,
    },
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    webRoot: e.WEB_ROOT ?? defaultWebRoot,
    seedDemo: e.SEED_DEMO,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    metricsToken: e.METRICS_TOKEN,
    timeZone: e.TIME_ZONE,
    email: {
      smtpUrl: e.SMTP_URL,
      transport: e.SMTP_URL ? 'smtp' : 'log',
      from: e.EMAIL_FROM ?? `Commons <no-reply@${new URL(publicUrl).hostname}>`,
    },
    analytics: {
      jobs: e.ANALYTICS_JOBS ?? e.NODE_ENV !== 'test',
      retentionMonths: e.ANALYTICS_RETENTION_MONTHS,
      minGroupSize: e.ANALYTICS_MIN_GROUP_SIZE,
    },
  };
}

function defaultOrigins(publicUrl: string, port: number, isProduction: boolean): string[] {
  const origins = new Set([new URL(publicUrl).origin]);
  if (!isProduction) {
    // The Vite dev server (npm run dev) and both loopback spellings.
    for (const host of ['localhost', '127.0.0.1']) {
      origins.add(`http://${host}:${port}`);
      origins.add(`http://${host}:5173`);
    }
  }
  return [...origins];
}
