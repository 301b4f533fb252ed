// The WebSocket side of subscriptions (spec §1.5, §9.1): upgrades on a project's path of the
// worker's HTTP server, one protocol per socket chosen by subprotocol, and the worker-wide limits.
//
// An upgrade is answered with a plain HTTP error, before any WebSocket exists, when
//   * the path is not a project's API path (`/status`, `/management`, a trailing `private`,
//     `import`, `export` or `_datamodel`) → 404; four or more segments → 400;
//   * no requested subprotocol is served → 400 (Prisma 1 did so; a graphql-ws client could not
//     read a 4406 close anyway, since a handshake without a subprotocol it asked for fails);
//   * the worker holds `maxConnections` sockets, or is shutting down → 503.
// Subprotocols, the first one the client lists that is served wins: `graphql-transport-ws`
// (graphql-ws), `graphql-ws` (subscriptions-transport-ws, prisma-client-lib) and
// `graphql-subscriptions` (its predecessor). Frames above `maxMessageBytes` close the socket with
// 1009 (done by `ws`). On shutdown every socket is closed with 1001 and its subscriptions end.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '@refract/shared';
import type { SubscriptionMetrics } from '../metrics/subscription.metrics.js';
import { WebSocket, WebSocketServer } from 'ws';
import { projectIdString, route } from '../http/routing.js';
import { GRAPHQL_SUBSCRIPTIONS, GRAPHQL_WS, graphqlSubscriptionsDialect, graphqlWsDialect, serveLegacyProtocol } from './legacy-ws.protocol.js';
import { SocketAuthenticator, type ProjectSource, type TokenGates } from './socket.auth.js';
import { CLOSE } from './socket.frames.js';
import { SocketSession } from './socket.session.js';
import type { SubscriptionHub } from './subscription.hub.js';
import { GRAPHQL_TRANSPORT_WS, serveTransportProtocol } from './transport-ws.protocol.js';

export const SUBPROTOCOLS = [GRAPHQL_TRANSPORT_WS, GRAPHQL_WS, GRAPHQL_SUBSCRIPTIONS] as const;
export type Subprotocol = (typeof SUBPROTOCOLS)[number];

export interface SubscriptionServerConfig {
  /** Open sockets per worker; further upgrades get 503. */
  readonly maxConnections: number;
  /** Running subscriptions per socket; further starts get an error. */
  readonly maxSubscriptionsPerConnection: number;
  /** Largest frame a client may send; larger ones close the socket with 1009. */
  readonly maxMessageBytes: number;
  /** How long a socket may stay without an accepted init. */
  readonly initTimeoutMs: number;
  /** Interval of the legacy protocols' keep-alive messages. */
  readonly keepAliveMs: number;
}

export interface SubscriptionServerDependencies {
  readonly registry: ProjectSource;
  readonly endpoints: TokenGates;
  readonly hub: SubscriptionHub;
  readonly config: SubscriptionServerConfig;
  readonly logger: Logger;
  /** Connections per protocol and running subscriptions per project are reported here. */
  readonly metrics?: SubscriptionMetrics;
}

export interface SubscriptionServer {
  /** Sockets open right now. */
  readonly connections: number;
  /** Refuses new upgrades, ends every subscription and closes every socket with 1001. */
  close(): Promise<void>;
}

/** How long sockets get to finish their closing handshake on shutdown before they are cut. */
const CLOSE_GRACE_MS = 1_000;

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 503: 'Service Unavailable' };

/** Answers an upgrade request with a plain HTTP error and drops the connection. */
function refuse(socket: Duplex, status: number, message: string): void {
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** The first subprotocol the client lists that is served here, or null. */
export function chooseSubprotocol(header: string | undefined): Subprotocol | null {
  const offered = (header ?? '').split(',').map((p) => p.trim());
  return offered.find((p): p is Subprotocol => (SUBPROTOCOLS as readonly string[]).includes(p)) ?? null;
}

type UpgradeTarget = { readonly ok: true; readonly projectId: string } | { readonly ok: false; readonly status: number; readonly message: string };

/** The project an upgrade addresses, through the HTTP route table (a project API is a POST route). */
function upgradeTarget(request: IncomingMessage): UpgradeTarget {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  const notFound = { ok: false, status: 404, message: 'Subscriptions are served on a project path: /{service}/{stage}.' } as const;
  if (route('GET', path).kind === 'status') return notFound;
  const target = route('POST', path);
  switch (target.kind) {
    case 'project':
      return target.reserved === null ? { ok: true, projectId: projectIdString(target.projectId) } : notFound;
    case 'unsupported-project-id':
      return { ok: false, status: 400, message: 'Unsupported project ID encoding. ' };
    default:
      return notFound;
  }
}

export function attachSubscriptionServer(httpServer: Server, deps: SubscriptionServerDependencies): SubscriptionServer {
  const { config, logger } = deps;
  const auth = new SocketAuthenticator(deps.registry, deps.endpoints);
  // `ws` does the handshake and the framing; it answers with the subprotocol `onUpgrade` chose.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.maxMessageBytes,
    perMessageDeflate: false,
    clientTracking: false,
    handleProtocols: (offered) => chooseSubprotocol([...offered].join(',')) ?? false,
  });
  const sockets = new Map<WebSocket, SocketSession>();
  let closing = false;

  const serve = (socket: WebSocket, projectId: string, protocol: Subprotocol) => {
    const session = new SocketSession(projectId, { auth, hub: deps.hub, maxSubscriptions: config.maxSubscriptionsPerConnection, logger, metrics: deps.metrics });
    sockets.set(socket, session);
    deps.metrics?.connectionOpened(protocol);
    socket.once('close', () => {
      sockets.delete(socket);
      session.close();
      deps.metrics?.connectionClosed(protocol);
    });
    socket.on('error', (error) => logger.debug({ err: error, projectId }, 'subscription socket error'));
    switch (protocol) {
      case GRAPHQL_TRANSPORT_WS:
        return serveTransportProtocol(socket, session, { initTimeoutMs: config.initTimeoutMs, logger });
      case GRAPHQL_WS:
        return serveLegacyProtocol(socket, session, graphqlWsDialect, { keepAliveMs: config.keepAliveMs, initTimeoutMs: config.initTimeoutMs, logger });
      case GRAPHQL_SUBSCRIPTIONS:
        return serveLegacyProtocol(socket, session, graphqlSubscriptionsDialect, { keepAliveMs: config.keepAliveMs, initTimeoutMs: config.initTimeoutMs, logger });
    }
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (closing) return refuse(socket, 503, 'The server is shutting down.');
    if ((request.headers.upgrade ?? '').toLowerCase() !== 'websocket') return refuse(socket, 400, 'Only WebSocket upgrades are served.');
    const target = upgradeTarget(request);
    if (!target.ok) return refuse(socket, target.status, target.message);
    const protocol = chooseSubprotocol(request.headers['sec-websocket-protocol']);
    if (!protocol) return refuse(socket, 400, `Unsupported WebSocket subprotocol: request one of ${SUBPROTOCOLS.join(', ')}.`);
    if (sockets.size >= config.maxConnections) return refuse(socket, 503, 'Too many WebSocket connections on this server.');
    wss.handleUpgrade(request, socket, head, (ws) => serve(ws, target.projectId, protocol));
  };
  // Stays attached after `close`, answering 503, as long as the HTTP server lives.
  httpServer.on('upgrade', onUpgrade);

  let closed: Promise<void> | undefined;
  return {
    get connections() {
      return sockets.size;
    },
    close: () =>
      (closed ??= (async () => {
        closing = true;
        const all = [...sockets.entries()];
        await Promise.all(
          all.map(
            ([socket, session]) =>
              new Promise<void>((resolve) => {
                session.close();
                if (socket.readyState === WebSocket.CLOSED) return resolve();
                const cut = setTimeout(() => socket.terminate(), CLOSE_GRACE_MS);
                socket.once('close', () => {
                  clearTimeout(cut);
                  resolve();
                });
                socket.close(CLOSE.goingAway, 'Server shutting down');
              }),
          ),
        );
        wss.close();
      })()),
  };
}
