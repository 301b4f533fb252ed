// The worker's Prometheus metrics, in a registry owned by one worker (never prom-client's global
// one), so that several workers in one process (tests, benchmarks) each report their own.
//
// Label cardinality is bounded everywhere: route kinds, methods and error codes are small fixed
// sets or Prisma's numeric codes, and projects go through `ProjectLabels`.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ProjectLabels } from './project.labels.js';
import { PrometheusSubscriptionMetrics, type SubscriptionMetrics } from './subscription.metrics.js';

/** The `route` label: what kind of endpoint a request addressed. */
export type RouteKind = 'project' | 'management' | 'export_import' | 'status' | 'metrics' | 'other';

/** What the pool gauges read from a `pg.Pool`, at scrape time. */
export interface PoolStats {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
  readonly options: { readonly max?: number | undefined };
}

export interface WorkerMetricsOptions {
  /** The connection pools to report, by their `pool` label. */
  readonly pools: Readonly<Record<string, PoolStats>>;
  /** How many projects get a label of their own; later ones share `other`. */
  readonly projectLabelLimit: number;
}

export interface CompletedRequest {
  readonly route: RouteKind;
  readonly method: string;
  readonly status: number;
  /** A label from `projects` (or `NO_PROJECT`), never a raw project id. */
  readonly project: string;
  readonly durationSeconds: number;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);

/** From a cached read (milliseconds) to the statement timeout and long deploys or exports. */
const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class WorkerMetrics {
  readonly registry = new Registry();
  readonly projects: ProjectLabels;
  /** Called by the subscription server. */
  readonly subscriptions: SubscriptionMetrics;
  private readonly requests: Counter<'route' | 'method' | 'status'>;
  private readonly latency: Histogram<'route' | 'project'>;
  private readonly graphqlErrors: Counter<'project' | 'code'>;

  constructor(options: WorkerMetricsOptions) {
    const registers = [this.registry];
    this.projects = new ProjectLabels(options.projectLabelLimit);
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'refract_http_requests_total',
      help: 'HTTP requests answered, by route kind, method and status (499: the client went away first).',
      labelNames: ['route', 'method', 'status'],
      registers,
    });
    this.latency = new Histogram({
      name: 'refract_http_request_duration_seconds',
      help: 'Time from the arrival of a request to the end of its response, by route kind and project.',
      labelNames: ['route', 'project'],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers,
    });
    this.graphqlErrors = new Counter({
      name: 'refract_graphql_errors_total',
      help: 'Errors in GraphQL responses, by project and Prisma code (or internal, validation, request).',
      labelNames: ['project', 'code'],
      registers,
    });
    const pools = Object.entries(options.pools);
    const poolGauge = (name: string, help: string, read: (pool: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['pool'],
        registers,
        // Read when scraped: the pool already keeps these numbers, nothing to update per query.
        collect() {
          for (const [label, pool] of pools) this.set({ pool: label }, read(pool));
        },
      });
    poolGauge('refract_db_pool_connections', 'Open connections of a database pool, busy or idle.', (pool) => pool.totalCount);
    poolGauge('refract_db_pool_idle_connections', 'Idle connections of a database pool.', (pool) => pool.idleCount);
    poolGauge('refract_db_pool_waiting_clients', 'Callers waiting for a connection of a database pool.', (pool) => pool.waitingCount);
    poolGauge('refract_db_pool_max_connections', 'Most connections a database pool opens.', (pool) => pool.options.max ?? 10);
    this.subscriptions = new PrometheusSubscriptionMetrics(this.registry, this.projects);
  }

  requestCompleted(request: CompletedRequest): void {
    const method = METHODS.has(request.method) ? request.method : 'other';
    this.requests.inc({ route: request.route, method, status: String(request.status) });
    this.latency.observe({ route: request.route, project: request.project }, request.durationSeconds);
  }

  /** One error of a GraphQL response; `project` is a label from `projects` (or `NO_PROJECT`). */
  graphqlError(project: string, code: string): void {
    this.graphqlErrors.inc({ project, code });
  }

  /** The exposition text (format 0.0.4) of every metric, collected now. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
