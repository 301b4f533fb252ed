// `graphql-transport-ws`, the protocol of the graphql-ws library (its PROTOCOL.md), on the same
// project path as Prisma 1's protocols. Refract's choices where the protocol leaves room:
//   * the token is checked at `connection_init` like on the legacy protocols; refused → close 4403
//     "Forbidden", unknown project → close 4404 "Project not found" (graphql-ws clients retry
//     both a few times: a token may be renewed, a project deployed);
//   * a token that expires closes the socket with 4403 "Token expired";
//   * past the per-connection subscription limit a `subscribe` gets an `error` message (the
//     operation ends, the connection stays);
//   * when the project is redeployed a subscription gets `error` [{message: "Schema changed"}];
//     an `error` ends an operation, so no `complete` follows it;
//   * a `subscribe` may carry `extensions.lastEventId`, and the init payload `lastEventId`, to
//     resume after that event; every `next` payload carries `extensions.eventId`.
import type { Logger } from '@refract/shared';
import type { WebSocket } from 'ws';
import { closeReason, eventText, isRecord, onFrames, parseFrame, readRequest, sendJson, sendWithPayload, type Frame } from './socket.frames.js';
import { tooManySubscriptionsMessage, type SocketSession } from './socket.session.js';
import type { SubscriptionRequest } from './subscription.hub.js';

export const GRAPHQL_TRANSPORT_WS = 'graphql-transport-ws';

/** The close codes of PROTOCOL.md, plus 4404 for an unknown project. */
export const TRANSPORT_CLOSE = {
  badRequest: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  projectNotFound: 4404,
  initTimeout: 4408,
  subscriberExists: 4409,
  tooManyInits: 4429,
  internalError: 4500,
} as const;

export const SCHEMA_CHANGED_MESSAGE = 'Schema changed';

export interface TransportProtocolOptions {
  readonly initTimeoutMs: number;
  readonly logger: Logger;
}

export type TransportMessage =
  | { readonly kind: 'connection_init'; readonly payload: Frame | null }
  | { readonly kind: 'ping'; readonly payload: Frame | null }
  | { readonly kind: 'pong' }
  | { readonly kind: 'subscribe'; readonly id: string; readonly request: SubscriptionRequest; readonly lastEventId: string | null }
  | { readonly kind: 'complete'; readonly id: string };

/** A client message, or the reason it is invalid (the socket then closes with 4400). */
export function parseTransportMessage(frame: Frame | null): TransportMessage | string {
  if (!frame) return 'Invalid message received';
  const { type, id, payload } = frame;
  if (typeof type !== 'string') return "Message is missing the 'type' property";
  const invalid = closeReason(`Invalid "${type}" message`, 'Invalid message');
  const optionalPayload = payload == null ? null : isRecord(payload) ? payload : undefined;
  switch (type) {
    case 'connection_init':
    case 'ping':
      return optionalPayload === undefined ? invalid : { kind: type, payload: optionalPayload };
    case 'pong':
      return optionalPayload === undefined ? invalid : { kind: 'pong' };
    case 'subscribe': {
      if (typeof id !== 'string' || id.length === 0 || !isRecord(payload)) return invalid;
      const read = readRequest(payload);
      return read ? { kind: 'subscribe', id, ...read } : invalid;
    }
    case 'complete':
      return typeof id === 'string' && id.length > 0 ? { kind: 'complete', id } : invalid;
    default:
      return closeReason(`Invalid message type "${type}"`, 'Invalid message type');
  }
}

export function serveTransportProtocol(socket: WebSocket, session: SocketSession, options: TransportProtocolOptions): void {
  const send = (message: Frame) => sendJson(socket, message);
  let initReceived = false;
  const initTimeout = setTimeout(() => socket.close(TRANSPORT_CLOSE.initTimeout, 'Connection initialisation timeout'), options.initTimeoutMs);
  socket.once('close', () => clearTimeout(initTimeout));
  session.onTokenExpired(() => socket.close(TRANSPORT_CLOSE.forbidden, 'Token expired'));

  const init = async (payload: Frame | null) => {
    if (initReceived) return socket.close(TRANSPORT_CLOSE.tooManyInits, 'Too many initialisation requests');
    initReceived = true;
    clearTimeout(initTimeout);
    const result = await session.authenticate(payload);
    if (result.ok) return send({ type: 'connection_ack' });
    if (result.failure === 'project-not-found') return socket.close(TRANSPORT_CLOSE.projectNotFound, 'Project not found');
    socket.close(TRANSPORT_CLOSE.forbidden, 'Forbidden');
  };

  const subscribe = (id: string, request: SubscriptionRequest, lastEventId: string | null) => {
    if (!session.isAuthenticated) return socket.close(TRANSPORT_CLOSE.unauthorized, 'Unauthorized');
    if (session.has(id)) return socket.close(TRANSPORT_CLOSE.subscriberExists, closeReason(`Subscriber for ${id} already exists`, 'Subscriber already exists'));
    if (session.full) return send({ id, type: 'error', payload: [{ message: tooManySubscriptionsMessage(session.maxSubscriptions) }] });
    session.start(id, request, lastEventId, {
      started: () => undefined,
      failed: (errors) => send({ id, type: 'error', payload: errors }),
      next: (result, eventId) => sendWithPayload(socket, { id, type: 'next' }, eventText(result, eventId)),
      schemaChanged: () => send({ id, type: 'error', payload: [{ message: SCHEMA_CHANGED_MESSAGE }] }),
    });
  };

  onFrames(
    socket,
    options.logger,
    async (data, isBinary) => {
      const message = parseTransportMessage(parseFrame(data, isBinary));
      if (typeof message === 'string') return socket.close(TRANSPORT_CLOSE.badRequest, message);
      switch (message.kind) {
        case 'connection_init':
          return init(message.payload);
        case 'ping':
          return send(message.payload ? { type: 'pong', payload: message.payload } : { type: 'pong' });
        case 'pong':
          return;
        case 'subscribe':
          return subscribe(message.id, message.request, message.lastEventId);
        case 'complete':
          session.stop(message.id);
          return;
      }
    },
    TRANSPORT_CLOSE.internalError,
  );
}
