// The worker's one configuration object (ARCHITECTURE.md §4), read once at boot.
import { ConfigError, defineConfig, field, secret, type InferConfig } from '@refract/shared';

export const workerConfig = defineConfig({
  DATABASE_URL: field.postgresUrl(),
  PORT: field.port().default(4466),
  /** Signs and verifies management tokens (spec §11.3). Required unless the insecure flag is set. */
  MANAGEMENT_API_SECRET: secret(field.string({ min: 1 })).optional(),
  /** Explicit opt-out of management auth, for local development only; warned about on every start. */
  REFRACT_INSECURE_NO_MANAGEMENT_SECRET: field.boolean().default(false),
  /** Seals service secrets at rest; defaults to a key derived from MANAGEMENT_API_SECRET. */
  SECRETS_ENCRYPTION_KEY: secret(field.string({ min: 16 })).optional(),
  /** Largest request body accepted, in bytes (spec §1.1 says Prisma 1 took up to 50 MB). */
  MAX_BODY_BYTES: field.positiveInt().default(50 * 1024 * 1024),
  /** Request-id prefix (`Request-Id: <ENV>:<cuid>`, spec §1.1). */
  ENV: field.string({ min: 1 }).default('local'),
  CLUSTER_VERSION: field.string({ min: 1 }).default('1.34.10'),
  COMMIT_SHA: field.string({ min: 1 }).default('refract'),
  /** Serve projects deployed without secrets to anyone, as Prisma 1 did. Off: they answer 3015. */
  REFRACT_ALLOW_PUBLIC_PROJECTS: field.boolean().default(false),
  /** Connections of the pool that serves the project APIs (the management pool is separate). */
  API_POOL_SIZE: field.positiveInt().default(10),
  /** Longest a single API statement may run before PostgreSQL cancels it (error 1000). */
  QUERY_TIMEOUT_MS: field.positiveInt().default(10_000),
  /** Largest `first`/`last` accepted (error 2041 beyond). Prisma 1 had no cap. */
  MAX_PAGE_SIZE: field.positiveInt().default(10_000),
  /** Document limits, checked before any SQL is built. */
  MAX_QUERY_DEPTH: field.positiveInt().default(20),
  MAX_QUERY_ALIASES: field.positiveInt().default(200),
  MAX_QUERY_SELECTIONS: field.positiveInt().default(5_000),
  /** Open subscription WebSockets per worker; further upgrades are answered 503. */
  MAX_WS_CONNECTIONS: field.positiveInt().default(10_000),
  /** Running subscriptions per WebSocket; further starts get an error message. */
  MAX_WS_SUBSCRIPTIONS_PER_CONNECTION: field.positiveInt().default(100),
  /** Largest WebSocket message a client may send, in bytes; a larger one closes the socket (1009). */
  MAX_WS_MESSAGE_BYTES: field.positiveInt().default(64 * 1024),
  /** How long a WebSocket may stay without an accepted init before it is closed (4408). */
  WS_INIT_TIMEOUT_MS: field.positiveInt().default(10_000),
  /**
   * How long change events are kept after their commit, so a subscriber that reconnects with the
   * last event id it saw receives what it missed (beyond Prisma 1, which lost them).
   */
  SUBSCRIPTION_EVENT_RETENTION_SECONDS: field.positiveInt().default(600),
  /** Keep-alive interval of Prisma 1's protocols (`ka`, `keepalive`); Prisma 1 sent one every 10 s. */
  WS_KEEP_ALIVE_MS: field.positiveInt().default(10_000),
  /**
   * Adds the `executeRaw` mutation to every project API (spec §15 `rawAccess`). It runs any SQL on
   * the cluster's database, across schemas: only for clusters that serve a single tenant.
   */
  RAW_ACCESS: field.boolean().default(false),
  LOG_LEVEL: field.oneOf(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /**
   * Bearer token that GET /metrics requires (`Authorization: Bearer <token>`), from any address.
   * Unset: /metrics answers only scrapers on this machine (loopback peer and host name, no proxy
   * forwarding headers), 403 to everyone else, because the metrics name the cluster's projects.
   */
  METRICS_TOKEN: secret(field.string({ min: 16 })).optional(),
  /** Projects that get their own `project` label in /metrics; later ones share the label `other`. */
  METRICS_PROJECT_LABELS: field.positiveInt().default(1000),
});

export type WorkerConfig = InferConfig<typeof workerConfig>;

/** Loads the config and fails closed: no management secret means no start, unless opted out. */
export function loadWorkerConfig(env?: Record<string, string | undefined>): WorkerConfig {
  const config = env ? workerConfig.load(env) : workerConfig.load();
  if (!config.MANAGEMENT_API_SECRET && !config.REFRACT_INSECURE_NO_MANAGEMENT_SECRET) {
    throw new ConfigError([
      {
        variable: 'MANAGEMENT_API_SECRET',
        reason: 'is required: the management API must not be open. Set REFRACT_INSECURE_NO_MANAGEMENT_SECRET=true only for local development.',
      },
    ]);
  }
  return config;
}
