// What the worker records about each request once its response is done: the HTTP and GraphQL
// error metrics, and one structured log line. The line carries the request id, method, path
// (never the query string), route kind, project id, status, duration and body size; never a
// body, a header or a token. /status and /metrics log at debug level: scrapers and health checks
// would otherwise drown the rest.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { assertNever, type Logger } from '@refract/shared';
import { errorCodesOf } from '../metrics/error-codes.reader.js';
import { NO_PROJECT } from '../metrics/project.labels.js';
import type { RouteKind, WorkerMetrics } from '../metrics/worker.metrics.js';
import { projectIdString, route, type Route } from './routing.js';

/** The status recorded when the client went away before the response ended (nginx's convention). */
export const CLIENT_CLOSED_REQUEST = 499;

/** Longer paths are cut in the log: a path is chosen by whoever sends the request. */
const MAX_LOGGED_PATH = 512;

export function routeKindOf(target: Route): RouteKind {
  switch (target.kind) {
    case 'project':
      return target.reserved === 'export' || target.reserved === 'import' ? 'export_import' : 'project';
    case 'management':
      return 'management';
    case 'status':
      return 'status';
    case 'metrics':
      return 'metrics';
    case 'playground':
    case 'method-not-allowed':
    case 'unsupported-project-id':
      return 'other';
    default:
      return assertNever(target, 'Unclassified route');
  }
}

interface Exchange {
  text: string | undefined;
  bytes: number;
}

// `send` in server.ts holds no per-request state, so the response it writes is the key.
const exchanges = new WeakMap<ServerResponse, Exchange>();

/** Called with every JSON or text body the server sends, so that its errors can be counted. */
export function recordResponseBody(response: ServerResponse, text: string, bytes: number): void {
  const exchange = exchanges.get(response);
  if (exchange) {
    exchange.text = text;
    exchange.bytes = bytes;
  }
}

function pathOf(target: string | undefined): string {
  const path = target ?? '/';
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

export class RequestTelemetry {
  constructor(
    private readonly metrics: WorkerMetrics,
    private readonly logger: Logger,
  ) {}

  /** Starts observing a request; metrics and the log line follow when its response closes. */
  begin(request: IncomingMessage, response: ServerResponse, requestId: string): void {
    const started = performance.now();
    const exchange: Exchange = { text: undefined, bytes: 0 };
    exchanges.set(response, exchange);
    response.once('close', () => this.complete(request, response, requestId, exchange, performance.now() - started));
  }

  private complete(request: IncomingMessage, response: ServerResponse, requestId: string, exchange: Exchange, durationMs: number): void {
    const method = request.method ?? 'GET';
    const path = pathOf(request.url);
    const target = route(method, path);
    const kind = routeKindOf(target);
    const finished = response.writableFinished;
    const status = finished ? response.statusCode : CLIENT_CLOSED_REQUEST;
    const answersGraphql = kind === 'project' || kind === 'export_import' || kind === 'management';
    const codes = answersGraphql && exchange.text !== undefined ? errorCodesOf(exchange.text) : [];
    const projectId = target.kind === 'project' ? projectIdString(target.projectId) : null;
    // Only the project endpoints answer 200 on a project path, and only after loading the project;
    // a 3016 says it does not exist. Anything else keeps the label a project had, or `unknown`.
    const project = projectId === null ? NO_PROJECT : status === 200 && !codes.includes('3016') ? this.metrics.projects.admit(projectId) : this.metrics.projects.lookup(projectId);

    this.metrics.requestCompleted({ route: kind, method, status, project, durationSeconds: durationMs / 1000 });
    for (const code of codes) this.metrics.graphqlError(project, code);

    const line = {
      requestId,
      method,
      path: path.length > MAX_LOGGED_PATH ? `${path.slice(0, MAX_LOGGED_PATH)}…` : path,
      route: kind,
      ...(projectId === null ? {} : { projectId }),
      status,
      durationMs: Math.round(durationMs * 100) / 100,
      bytes: exchange.bytes,
      ...(finished ? {} : { aborted: true }),
    };
    if (kind === 'status' || kind === 'metrics') this.logger.debug(line, 'request completed');
    else this.logger.info(line, 'request completed');
  }
}
