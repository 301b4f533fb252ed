// GET /metrics. The metrics name every project that had traffic, so they are not public:
//  * with METRICS_TOKEN set, a scraper sends `Authorization: Bearer <token>`, from anywhere;
//  * without it, only a scraper on the same machine is served: a loopback peer, addressing the
//    worker by a loopback host name (so a web page that rebinds its own domain to 127.0.0.1 is
//    refused), without proxy forwarding headers (so a reverse proxy on the same machine that
//    forwards outside requests is refused when it says so; one that adds no such header must not
//    route /metrics, or METRICS_TOKEN must be set).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { WorkerMetrics } from './worker.metrics.js';

export type MetricsAccess = 'allowed' | 'unauthenticated' | 'forbidden';

/** What the access decision looks at, taken from the request. */
export interface MetricsCaller {
  readonly authorization: string | undefined;
  readonly remoteAddress: string | undefined;
  readonly host: string | undefined;
  /** The request carries `Forwarded`, `X-Forwarded-For` or `X-Real-IP`. */
  readonly forwarded: boolean;
}

const LOOPBACK_IPV4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const ipv4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return address === '::1' || LOOPBACK_IPV4.test(ipv4);
}

/** `localhost`, `127.x.x.x` or `[::1]`, with or without a port. */
function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const lower = host.toLowerCase();
  const name = lower.startsWith('[') ? lower.slice(0, lower.indexOf(']') + 1) : lower.split(':')[0]!;
  return name === 'localhost' || name === '[::1]' || LOOPBACK_IPV4.test(name);
}

/** Compares in constant time; hashing first makes the lengths equal. */
function sameToken(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function metricsAccess(token: string | undefined, caller: MetricsCaller): MetricsAccess {
  if (token !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(caller.authorization ?? '');
    return match && sameToken(match[1]!, token) ? 'allowed' : 'unauthenticated';
  }
  return isLoopbackAddress(caller.remoteAddress) && isLoopbackHost(caller.host) && !caller.forwarded ? 'allowed' : 'forbidden';
}

/** The caller as the access decision sees it: the socket's peer, never a header's claim. */
export function metricsCallerOf(request: Pick<IncomingMessage, 'headers' | 'socket'>): MetricsCaller {
  const { headers } = request;
  return {
    authorization: headers.authorization,
    remoteAddress: request.socket.remoteAddress,
    host: headers.host,
    forwarded: headers.forwarded !== undefined || headers['x-forwarded-for'] !== undefined || headers['x-real-ip'] !== undefined,
  };
}

export interface MetricsResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly contentType: string;
}

export class MetricsEndpoint {
  constructor(
    private readonly metrics: WorkerMetrics,
    private readonly token: string | undefined,
  ) {}

  async scrape(request: IncomingMessage): Promise<MetricsResponse> {
    const access = metricsAccess(this.token, metricsCallerOf(request));
    switch (access) {
      case 'allowed':
        return { status: 200, headers: {}, body: await this.metrics.render(), contentType: this.metrics.contentType };
      case 'unauthenticated':
        return {
          status: 401,
          headers: { 'WWW-Authenticate': 'Bearer realm="metrics"' },
          body: 'Unauthorized: /metrics requires Authorization: Bearer <METRICS_TOKEN>.',
          contentType: 'text/plain',
        };
      case 'forbidden':
        return { status: 403, headers: {}, body: 'Forbidden: without METRICS_TOKEN, /metrics is served only to clients on this machine.', contentType: 'text/plain' };
    }
  }
}
