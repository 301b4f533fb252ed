// The worker's HTTP surface (spec §1): a plain Node server — no framework on the hot path — that
// routes by path, stamps every response with a request id, answers CORS as Prisma 1 did, bounds
// request bodies, and hands GraphQL bodies to the management API or a project's API.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createCuid } from '@refract/schema-model';
import type { Logger } from '@refract/shared';
import type { GraphQLSchema } from 'graphql';
import type { MetricsEndpoint } from '../metrics/metrics.endpoint.js';
import type { ProjectEndpoints } from '../project/project.endpoints.js';
import { executeGraphqlBody } from './graphql-request.js';
import { playgroundPage } from './playground.page.js';
import { recordResponseBody, type RequestTelemetry } from './request.telemetry.js';
import { projectIdString, route } from './routing.js';

export interface ServerDependencies {
  readonly managementSchema: GraphQLSchema;
  readonly projects: Pick<ProjectEndpoints, 'handle'>;
  readonly logger: Logger;
  readonly requestIdPrefix: string;
  readonly maxBodyBytes: number;
  readonly metrics: MetricsEndpoint;
  readonly telemetry: RequestTelemetry;
}

/** The management API context: what resolvers need to know about the request. */
export interface ManagementContext {
  readonly authorization: string | undefined;
  readonly requestId: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Headers of every response: the request id and permissive CORS (spec §1.1). */
type BaseHeaders = Record<string, string>;

function baseHeaders(request: IncomingMessage, requestId: string): BaseHeaders {
  const origin = request.headers.origin;
  const headers: BaseHeaders = {
    'Request-Id': requestId,
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Allow-Methods': 'GET, POST, HEAD, OPTIONS',
    'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? 'Content-Type, Authorization',
  };
  if (origin) headers.Vary = 'Origin';
  return headers;
}

// All headers go out in one writeHead: much cheaper than one setHeader per header on a hot path.
function send(response: ServerResponse, headers: BaseHeaders, status: number, body: unknown, contentType = 'application/json'): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const bytes = Buffer.byteLength(text);
  recordResponseBody(response, text, bytes);
  response.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': String(bytes) });
  response.end(text);
}

/** The path of a request target, without its query string. */
function pathOf(target: string | undefined): string {
  const path = target ?? '/';
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

/** Reads the body, refusing more than `limit` bytes as soon as it is exceeded. */
function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new HttpError(413, `The request body is larger than the limit of ${limit} bytes.`));
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `The request body is larger than the limit of ${limit} bytes.`));
        request.removeAllListeners('data');
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export function createWorkerServer(deps: ServerDependencies): Server {
  const handle = async (request: IncomingMessage, response: ServerResponse, requestId: string, headers: BaseHeaders) => {
    const method = request.method ?? 'GET';
    if (method === 'OPTIONS') {
      response.writeHead(204, headers).end();
      return;
    }
    const target = route(method, pathOf(request.url));
    switch (target.kind) {
      case 'status':
        return send(response, headers, 200, 'OK', 'text/plain');
      case 'metrics': {
        // Without CORS headers: a web page open on this machine must not read the metrics.
        const scrape = await deps.metrics.scrape(request);
        return send(response, { 'Request-Id': requestId, ...scrape.headers }, scrape.status, scrape.body, scrape.contentType);
      }
      case 'playground': {
        const title = target.projectId ? `${target.projectId.service}/${target.projectId.stage}` : 'Refract';
        return send(response, headers, 200, playgroundPage(title), 'text/html; charset=utf-8');
      }
      case 'method-not-allowed':
        return send(response, headers, 405, { errors: [{ message: `Method ${method} is not allowed.`, requestId }] });
      case 'unsupported-project-id':
        return send(response, headers, 500, { errors: [{ message: 'Unsupported project ID encoding. ', requestId }] });
    }
    const contentType = request.headers['content-type'] ?? '';
    if (!contentType.toLowerCase().startsWith('application/json')) {
      throw new HttpError(415, 'The request must have the content type application/json.');
    }
    const text = await readBody(request, deps.maxBodyBytes);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(500, 'request malformed: the body is not valid JSON');
    }
    if (typeof body !== 'object' || body === null) throw new HttpError(500, 'request malformed');
    if (target.kind === 'management') {
      const context: ManagementContext = { authorization: request.headers.authorization, requestId };
      const result = await executeGraphqlBody(deps.managementSchema, body, context, {
        requestId,
        onInternalError: (error) => deps.logger.error({ err: error, requestId }, 'management request failed'),
      });
      return send(response, headers, result.status, result.body);
    }
    const result = await deps.projects.handle({
      projectId: projectIdString(target.projectId),
      reserved: target.reserved,
      body,
      authorization: request.headers.authorization,
      requestId,
      onInternalError: (error) => deps.logger.error({ err: error, requestId }, 'project request failed'),
    });
    return send(response, headers, result.status, result.body);
  };

  return createServer((request, response) => {
    const requestId = `${deps.requestIdPrefix}:${createCuid()}`;
    const headers = baseHeaders(request, requestId);
    deps.telemetry.begin(request, response, requestId);
    handle(request, response, requestId, headers).catch((error: unknown) => {
      if (error instanceof HttpError) {
        send(response, headers, error.status, { errors: [{ message: error.message, requestId }] });
        return;
      }
      deps.logger.error({ err: error, requestId }, 'request failed');
      if (!response.headersSent) send(response, headers, 500, { errors: [{ message: `Whoops. Looks like an internal server error. Search your server logs for request ID: ${requestId}`, requestId }] });
    });
  });
}
