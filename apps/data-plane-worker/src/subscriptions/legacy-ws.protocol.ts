// The two protocols Prisma 1 served (spec §9.2, §9.3), with Prisma 1's exact messages:
//   `graphql-ws`            subscriptions-transport-ws, what prisma-client-lib speaks;
//   `graphql-subscriptions` its predecessor (init/subscription_start/subscription_data…).
// Both share one flow, written once below; a dialect only names the messages.
//
// The flow: a keep-alive every `keepAliveMs` from the start of the connection, whether or not it
// is initialised. Init checks the token; a refused init leaves the socket open so the client may
// try again (Prisma 1 did so), but a socket with no accepted init is closed after `initTimeoutMs`
// (4408). An unknown project gets a connection error and the socket closes (4404). A start reuses
// the client's id as is — string or number — in every message about it; a start with the id of
// a running subscription replaces it. Errors name the first error only, and the server never
// sends `complete`. When the token expires: a connection error, then close 4403.
import type { Logger } from '@refract/shared';
import type { WebSocket } from 'ws';
import { CLOSE, eventText, isRecord, onFrames, parseFrame, readRequest, sendJson, sendWithPayload, type Frame } from './socket.frames.js';
import { projectNotFoundMessage, tooManySubscriptionsMessage, type SocketSession } from './socket.session.js';
import type { SubscriptionRequest } from './subscription.hub.js';

export const GRAPHQL_WS = 'graphql-ws';
export const GRAPHQL_SUBSCRIPTIONS = 'graphql-subscriptions';

export const LEGACY_MESSAGES = {
  parseError: "The message can't be parsed",
  initFirst: 'You have to send an init message before sending anything else.',
  invalidToken: 'Authentication token is invalid.',
  noAuthorization: 'No Authorization field was provided in payload.',
  schemaChanged: 'Schema changed',
  tokenExpired: 'The authentication token has expired.',
  internalError: 'The connection could not be initialised because of an internal error.',
} as const;

export interface LegacyProtocolOptions {
  readonly keepAliveMs: number;
  readonly initTimeoutMs: number;
  readonly logger: Logger;
}

/** Prisma 1 echoes ids in their JSON type: a string or an integer. */
type LegacyId = string | number;

type LegacyMessage =
  | { readonly kind: 'init'; readonly payload: unknown }
  | { readonly kind: 'terminate' }
  | { readonly kind: 'start'; readonly id: LegacyId; readonly request: SubscriptionRequest; readonly lastEventId: string | null }
  | { readonly kind: 'stop'; readonly id: LegacyId | null };

/** How one protocol names its messages. */
export interface LegacyDialect {
  readonly keepAlive: Frame;
  parse(frame: Frame): LegacyMessage | null;
  ack(): Frame;
  initFailed(message: string): Frame;
  /** The message confirming a start, when the protocol has one. */
  started(id: LegacyId): Frame | null;
  failed(id: LegacyId, message: string): Frame;
  data(id: LegacyId, payload: Frame): Frame;
}

const isLegacyId = (value: unknown): value is LegacyId => typeof value === 'string' || Number.isSafeInteger(value);

/** An init payload must be an object when present. */
const initPayload = (frame: Frame): LegacyMessage | null => (frame.payload == null || isRecord(frame.payload) ? { kind: 'init', payload: frame.payload } : null);

function start(id: unknown, holder: unknown): LegacyMessage | null {
  if (!isLegacyId(id) || !isRecord(holder)) return null;
  const read = readRequest(holder);
  return read && { kind: 'start', id, ...read };
}

/** subscriptions-transport-ws (spec §9.2). */
export const graphqlWsDialect: LegacyDialect = {
  keepAlive: { type: 'ka' },
  parse(frame) {
    switch (frame.type) {
      case 'connection_init':
        return initPayload(frame);
      case 'connection_terminate':
        return { kind: 'terminate' };
      case 'start':
        return start(frame.id, frame.payload);
      case 'stop':
        return isLegacyId(frame.id) ? { kind: 'stop', id: frame.id } : null;
      default:
        return null;
    }
  },
  ack: () => ({ type: 'connection_ack' }),
  initFailed: (message) => ({ type: 'connection_error', payload: { message } }),
  started: () => null,
  failed: (id, message) => ({ id, type: 'error', payload: { message } }),
  data: (id, payload) => ({ id, type: 'data', payload }),
};

/** The protocol before subscriptions-transport-ws 0.7 (spec §9.3). */
export const graphqlSubscriptionsDialect: LegacyDialect = {
  keepAlive: { type: 'keepalive' },
  parse(frame) {
    switch (frame.type) {
      case 'init':
        return initPayload(frame);
      case 'subscription_start':
        return start(frame.id, frame);
      case 'subscription_end':
        return frame.id == null || isLegacyId(frame.id) ? { kind: 'stop', id: frame.id ?? null } : null;
      default:
        return null;
    }
  },
  ack: () => ({ type: 'init_success' }),
  initFailed: (message) => ({ type: 'init_fail', payload: { message } }),
  started: (id) => ({ id, type: 'subscription_success' }),
  failed: (id, message) => ({ id, type: 'subscription_fail', payload: { errors: [{ message }] } }),
  data: (id, payload) => ({ id, type: 'subscription_data', payload }),
};

/** Prisma 1 answers an unreadable frame in the `graphql-ws` shape, whichever protocol the socket speaks. */
const PARSE_ERROR = { id: '', type: 'error', payload: { message: LEGACY_MESSAGES.parseError } };

export function serveLegacyProtocol(socket: WebSocket, session: SocketSession, dialect: LegacyDialect, options: LegacyProtocolOptions): void {
  const send = (message: Frame) => sendJson(socket, message);
  const keepAlive = setInterval(() => send(dialect.keepAlive), options.keepAliveMs);
  const initTimeout = setTimeout(() => socket.close(CLOSE.initTimeout, 'Connection initialisation timeout'), options.initTimeoutMs);
  socket.once('close', () => {
    clearInterval(keepAlive);
    clearTimeout(initTimeout);
  });
  session.onTokenExpired(() => {
    send(dialect.initFailed(LEGACY_MESSAGES.tokenExpired));
    socket.close(CLOSE.forbidden, 'Token expired');
  });

  const init = async (payload: unknown) => {
    // Prisma 1 ignores an init on an initialised socket.
    if (session.isAuthenticated) return;
    let result;
    try {
      result = await session.authenticate(payload);
    } catch (error) {
      options.logger.error({ err: error, projectId: session.projectId }, 'a subscription socket could not be initialised');
      send(dialect.initFailed(LEGACY_MESSAGES.internalError));
      socket.close(CLOSE.internalError, 'Internal server error');
      return;
    }
    if (result.ok) {
      clearTimeout(initTimeout);
      send(dialect.ack());
      return;
    }
    switch (result.failure) {
      case 'project-not-found':
        send(dialect.initFailed(projectNotFoundMessage(session.projectId)));
        socket.close(CLOSE.projectNotFound, 'Project not found');
        return;
      case 'missing-authorization':
        send(dialect.initFailed(LEGACY_MESSAGES.noAuthorization));
        return;
      case 'invalid-token':
        send(dialect.initFailed(LEGACY_MESSAGES.invalidToken));
        return;
    }
  };

  const startSubscription = (id: LegacyId, request: SubscriptionRequest, lastEventId: string | null) => {
    const key = String(id);
    // Like subscriptions-transport-ws's server: a start with a running id replaces that subscription.
    session.stop(key);
    if (session.full) {
      send(dialect.failed(id, tooManySubscriptionsMessage(session.maxSubscriptions)));
      return;
    }
    session.start(key, request, lastEventId, {
      started: () => {
        const confirmation = dialect.started(id);
        if (confirmation) send(confirmation);
      },
      failed: (errors) => send(dialect.failed(id, errors[0]?.message ?? '')),
      next: (result, eventId) => sendWithPayload(socket, dialect.data(id, {}), eventText(result, eventId)),
      schemaChanged: () => send(dialect.failed(id, LEGACY_MESSAGES.schemaChanged)),
    });
  };

  onFrames(socket, options.logger, async (data, isBinary) => {
    const frame = parseFrame(data, isBinary);
    const message = frame && dialect.parse(frame);
    if (!message) return send(PARSE_ERROR);
    switch (message.kind) {
      case 'terminate':
        socket.close(CLOSE.normal);
        return;
      case 'init':
        return init(message.payload);
    }
    if (!session.isAuthenticated) return send(dialect.initFailed(LEGACY_MESSAGES.initFirst));
    switch (message.kind) {
      case 'stop':
        if (message.id !== null) session.stop(String(message.id));
        return;
      case 'start':
        return startSubscription(message.id, message.request, message.lastEventId);
    }
  });
}
