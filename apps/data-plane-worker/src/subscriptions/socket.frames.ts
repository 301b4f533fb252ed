// Frame-level helpers shared by the three subscription protocols: reading a JSON text frame,
// sending one with a bound on what a slow reader may leave buffered, and handling a socket's
// frames one after another.
import type { Logger } from '@refract/shared';
import { WebSocket, type RawData } from 'ws';
import type { SubscriptionRequest } from './subscription.hub.js';

export type Frame = Record<string, unknown>;

/** Close codes the protocols share (RFC 6455 §7.4.1 and the application range 4000–4999). */
export const CLOSE = {
  normal: 1000,
  goingAway: 1001,
  internalError: 1011,
  tryAgainLater: 1013,
  forbidden: 4403,
  projectNotFound: 4404,
  initTimeout: 4408,
} as const;

/**
 * Bytes a socket may have waiting to be written before it is closed with 1013: a client that
 * reads slower than its subscriptions produce events would otherwise grow the worker's memory.
 */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export const isRecord = (value: unknown): value is Frame => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The JSON object of a text frame; null for binary frames (spec §9.1: text only), bad JSON and non-objects. */
export function parseFrame(data: RawData, isBinary: boolean): Frame | null {
  if (isBinary) return null;
  try {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

/** Sends a message as a JSON text frame, if the socket is still open. */
export function sendJson(socket: WebSocket, message: unknown): void {
  sendText(socket, JSON.stringify(message));
}

function sendText(socket: WebSocket, text: string): void {
  if (socket.readyState !== WebSocket.OPEN) return;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    socket.close(CLOSE.tryAgainLater, 'Too slow: events are produced faster than they are read');
    return;
  }
  socket.send(text);
}

const eventTexts = new WeakMap<object, { readonly eventId: string; readonly text: string }>();

/**
 * The JSON text of an event's result with its id in `extensions.eventId`. Subscribers of the same
 * document get the same result object from the hub, so the text is made once per event, not once
 * per subscriber.
 */
export function eventText(result: Readonly<Record<string, unknown>>, eventId: string): string {
  const known = eventTexts.get(result);
  if (known?.eventId === eventId) return known.text;
  const extensions = typeof result.extensions === 'object' && result.extensions !== null ? result.extensions : {};
  const text = JSON.stringify({ ...result, extensions: { ...extensions, eventId } });
  eventTexts.set(result, { eventId, text });
  return text;
}

/** Sends `frame` with `payloadText` (JSON text) as its `payload`, without parsing it again. */
export function sendWithPayload(socket: WebSocket, frame: Frame, payloadText: string): void {
  const head = JSON.stringify({ ...frame, payload: undefined });
  sendText(socket, `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"payload":${payloadText}}`);
}

/** The event id to resume after, from an init payload or a subscription's `extensions`. */
export function lastEventIdOf(holder: unknown): string | null {
  return isRecord(holder) && typeof holder.lastEventId === 'string' && holder.lastEventId.length > 0 ? holder.lastEventId : null;
}

/**
 * The subscription of a start/subscribe payload and the event id it resumes after
 * (`extensions.lastEventId`), or null when a field has the wrong type.
 */
export function readRequest(payload: Frame): { request: SubscriptionRequest; lastEventId: string | null } | null {
  const { query, variables, operationName, extensions } = payload;
  if (typeof query !== 'string') return null;
  if (variables != null && !isRecord(variables)) return null;
  if (operationName != null && typeof operationName !== 'string') return null;
  if (extensions != null && !isRecord(extensions)) return null;
  return {
    // `operationName: ""` means none (spec §9.2; subscriptions-transport-ws sends it so).
    request: { query, variables: variables ?? null, operationName: operationName || null },
    lastEventId: lastEventIdOf(extensions),
  };
}

/** A close reason fits in a control frame (at most 123 bytes). */
export function closeReason(reason: string, fallback: string): string {
  return Buffer.byteLength(reason) <= 123 ? reason : fallback;
}

/**
 * Runs `handle` for each frame of the socket, one frame at a time: a frame waits for the previous
 * one to be handled, so frames sent right behind an init (subscriptions-transport-ws sends its
 * queued starts without waiting for the ack) see the authenticated session.
 */
export function onFrames(
  socket: WebSocket,
  logger: Logger,
  handle: (data: RawData, isBinary: boolean) => Promise<void> | void,
  internalErrorCode: number = CLOSE.internalError,
): void {
  let previous = Promise.resolve();
  socket.on('message', (data, isBinary) => {
    previous = previous
      .then(() => (socket.readyState === WebSocket.OPEN ? handle(data, isBinary) : undefined))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'a subscription socket frame could not be handled');
        socket.close(internalErrorCode, 'Internal server error');
      });
  });
}
