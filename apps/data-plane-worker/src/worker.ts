// Composition root of the data-plane worker: wires config, PostgreSQL, the management API and the
// HTTP server together. No rules live here (STYLE.md 6).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { SecretBox, createLogger, type Logger } from '@refract/shared';
import type { WorkerConfig } from './config/worker.config.js';
import { DeployService } from './deploy/deploy.service.js';
import { MigrationApplier } from './deploy/migration.applier.js';
import { RequestTelemetry } from './http/request.telemetry.js';
import { createWorkerServer } from './http/server.js';
import { createManagementSchema } from './management/management.schema.js';
import { ManagementService } from './management/management.service.js';
import { MetricsEndpoint } from './metrics/metrics.endpoint.js';
import { WorkerMetrics } from './metrics/worker.metrics.js';
import { NdfEndpoints } from './project/ndf.endpoints.js';
import { ProjectApi } from './project/project.api.js';
import { executeRawSql } from './project/raw-sql.js';
import { ProjectEndpoints } from './project/project.endpoints.js';
import { ProjectRegistry } from './project/project.registry.js';
import { attachSubscriptionServer } from './subscriptions/socket.server.js';
import { Subscriptions } from './subscriptions/subscriptions.service.js';
import { buildProjectSchema } from '@refract/graphql-schema';
import { SqlExecutor, WriteRunner, createPool } from '@refract/pg-executor';
import { ManagementRepository } from './store/management.repository.js';
import { upgradeManagementSchema } from './store/management-schema.js';

/** Used only in explicitly insecure development mode, where nothing else provides a key. */
const INSECURE_DEVELOPMENT_KEY = 'refract-insecure-development-key';

export interface RunningWorker {
  readonly server: Server;
  readonly port: number;
  readonly applier: MigrationApplier;
  /** This worker's metrics; `metrics.subscriptions` is what the subscription server reports to. */
  readonly metrics: WorkerMetrics;
  /** Stops accepting connections, lets in-flight requests and migrations finish, closes the pool. */
  close(): Promise<void>;
}

export async function startWorker(config: WorkerConfig, logger: Logger = createLogger({ name: 'data-plane-worker', level: config.LOG_LEVEL })): Promise<RunningWorker> {
  if (!config.MANAGEMENT_API_SECRET) {
    logger.warn('INSECURE: no MANAGEMENT_API_SECRET is set and REFRACT_INSECURE_NO_MANAGEMENT_SECRET=true: the management API accepts every request.');
  }
  const onIdleError = (error: Error) => logger.warn({ err: error }, 'an idle database connection was closed; the pool replaces it');
  const pool = createPool({ connectionString: config.DATABASE_URL, onIdleError });
  // The API pool is separate and bounded by a statement timeout; migrations may run longer.
  const apiPool = createPool({ connectionString: config.DATABASE_URL, max: config.API_POOL_SIZE, statementTimeoutMs: config.QUERY_TIMEOUT_MS, applicationName: 'refract-api', onIdleError });
  const metrics = new WorkerMetrics({ pools: { management: pool, api: apiPool }, projectLabelLimit: config.METRICS_PROJECT_LABELS });
  const statements = new SqlExecutor(apiPool);
  const writes = new WriteRunner(apiPool, statements);
  const executeRaw = config.RAW_ACCESS ? (query: string) => executeRawSql(apiPool, query) : undefined;
  await upgradeManagementSchema(pool);
  const box = new SecretBox(config.SECRETS_ENCRYPTION_KEY ?? config.MANAGEMENT_API_SECRET ?? INSECURE_DEVELOPMENT_KEY);
  const repository = new ManagementRepository(pool, box);
  const applier = new MigrationApplier(pool, repository, logger);
  const management = new ManagementService(pool, repository);
  const deploy = new DeployService(pool, repository, (projectId, revision) => applier.schedule(projectId, revision));
  const managementSchema = createManagementSchema({
    service: management,
    deploy,
    managementSecret: config.MANAGEMENT_API_SECRET,
    serverInfo: { version: config.CLUSTER_VERSION, commit: config.COMMIT_SHA },
  });
  const limits = {
    maxDepth: config.MAX_QUERY_DEPTH,
    maxAliases: config.MAX_QUERY_ALIASES,
    maxSelections: config.MAX_QUERY_SELECTIONS,
    maxPageSize: config.MAX_PAGE_SIZE,
  };
  const subscriptions = new Subscriptions({ connectionString: config.DATABASE_URL, pool, statements, limits, retentionSeconds: config.SUBSCRIPTION_EVENT_RETENTION_SECONDS, logger });
  const registry = new ProjectRegistry(
    config.DATABASE_URL,
    repository,
    (record, migration) =>
      new ProjectApi(buildProjectSchema(migration.schema, { rawAccess: config.RAW_ACCESS }), migration.schema, record.id, statements, writes, limits, {
        ...(executeRaw ? { executeRaw } : {}),
        // Mutations write change events for the models the cluster's subscribers watch.
        changes: subscriptions.publisherFor(record.id),
      }),
    logger,
  );
  await registry.start();
  await subscriptions.start();
  applier.onApplied((projectId) => registry.invalidate(projectId));
  const projects = new ProjectEndpoints(pool, registry, { allowPublicProjects: config.REFRACT_ALLOW_PUBLIC_PROJECTS, ndf: new NdfEndpoints(apiPool) });
  const server = createWorkerServer({
    managementSchema,
    projects,
    logger,
    requestIdPrefix: config.ENV,
    maxBodyBytes: config.MAX_BODY_BYTES,
    metrics: new MetricsEndpoint(metrics, config.METRICS_TOKEN),
    telemetry: new RequestTelemetry(metrics, logger),
  });
  const sockets = attachSubscriptionServer(server, {
    registry,
    endpoints: projects,
    hub: subscriptions.hubFor(registry, metrics.subscriptions),
    config: {
      maxConnections: config.MAX_WS_CONNECTIONS,
      maxSubscriptionsPerConnection: config.MAX_WS_SUBSCRIPTIONS_PER_CONNECTION,
      maxMessageBytes: config.MAX_WS_MESSAGE_BYTES,
      initTimeoutMs: config.WS_INIT_TIMEOUT_MS,
      keepAliveMs: config.WS_KEEP_ALIVE_MS,
    },
    logger,
    metrics: metrics.subscriptions,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  void applier.resumePending();
  logger.info({ port }, 'data-plane worker listening');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // Upgraded sockets are connections of the server too: `server.close` waits for them.
      await Promise.all([
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        }),
        sockets.close(),
      ]);
      await subscriptions.close();
      await applier.close();
      await registry.close();
      await apiPool.end();
      await pool.end();
      logger.info('data-plane worker stopped');
    })());
  return { server, port, applier, metrics, close };
}
