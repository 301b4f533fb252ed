// The state of one subscription socket, whatever protocol it speaks: the token it authenticated
// with, its running subscriptions and the moment that token expires. The protocol modules only
// translate frames to and from these calls, so authentication, limits and resuming behave the
// same on every protocol.
//
// A subscription is "pending" while the hub decides on it. Events the hub delivers meanwhile (a
// resume replays missed events before `start` returns) are held back until the protocol has
// announced the subscription, so that a client always sees them after its start was accepted. A
// stop that arrives while pending wins: the handle is stopped as soon as it exists.
import type { Logger } from '@refract/shared';
import type { SubscriptionMetrics } from '../metrics/subscription.metrics.js';
import { INVALID_TOKEN_MESSAGE } from '../project/service-token.js';
import { authorizationOf, type SocketAuthResult, type SocketAuthenticator } from './socket.auth.js';
import { lastEventIdOf } from './socket.frames.js';
import type { SubscriptionHandle, SubscriptionHub, SubscriptionOutcome, SubscriptionRequest, SubscriptionSink } from './subscription.hub.js';

export interface SessionDependencies {
  readonly auth: SocketAuthenticator;
  readonly hub: SubscriptionHub;
  readonly maxSubscriptions: number;
  readonly logger: Logger;
  readonly metrics?: Pick<SubscriptionMetrics, 'subscriptionStarted' | 'subscriptionStopped'>;
}

export interface GraphqlErrorLike {
  readonly message: string;
}

/** What a protocol does with one subscription's outcomes; at most one of `started`/`failed`. */
export interface OperationListener {
  started(): void;
  failed(errors: readonly GraphqlErrorLike[]): void;
  next(result: Readonly<Record<string, unknown>>, eventId: string): void;
  /** The hub ended the subscription (redeploy or delete); it is already forgotten. */
  schemaChanged(): void;
}

interface Operation {
  handle: SubscriptionHandle | null;
  stopped: boolean;
  /** Counted in the metrics as running (from `started` until it ends). */
  counted: boolean;
  /** Events held back while pending; null once started. */
  held: (() => void)[] | null;
}

export const INTERNAL_ERROR_MESSAGE = 'The subscription could not be started because of an internal error.';

export const projectNotFoundMessage = (projectId: string) => `Project not found: '${projectId}'`;

export const tooManySubscriptionsMessage = (limit: number) => `Too many subscriptions on this connection: the limit is ${limit}.`;

/** The longest delay setTimeout honours (~24.8 days); a token living longer is looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class SocketSession {
  private authorization: string | undefined;
  private lastEventId: string | null = null;
  private authenticated = false;
  private closed = false;
  private expiryTimer: NodeJS.Timeout | undefined;
  private expiryListener: () => void = () => undefined;
  private readonly operations = new Map<string, Operation>();

  constructor(
    readonly projectId: string,
    private readonly deps: SessionDependencies,
  ) {}

  get isAuthenticated(): boolean {
    return this.authenticated;
  }

  /** Called once when the token the session authenticated with expires. */
  onTokenExpired(listener: () => void): void {
    this.expiryListener = listener;
  }

  /**
   * Checks the init payload's token (and remembers its `lastEventId`, which then applies to every
   * subscription of the socket that names none itself).
   */
  async authenticate(payload: unknown): Promise<SocketAuthResult> {
    const authorization = authorizationOf(payload);
    const result = await this.deps.auth.authenticate(this.projectId, authorization);
    if (result.ok && !this.closed) {
      this.authenticated = true;
      this.authorization = authorization;
      this.lastEventId = lastEventIdOf(payload);
      this.watchExpiry(result.expiresAt);
    }
    return result;
  }

  has(key: string): boolean {
    return this.operations.has(key);
  }

  /** Whether one more subscription would exceed the per-connection limit. */
  get full(): boolean {
    return this.operations.size >= this.deps.maxSubscriptions;
  }

  get maxSubscriptions(): number {
    return this.deps.maxSubscriptions;
  }

  /** Starts a subscription under `key` (the caller has checked `has` and `full`). */
  start(key: string, request: SubscriptionRequest, resumeAfter: string | null, listener: OperationListener): void {
    const operation: Operation = { handle: null, stopped: false, counted: false, held: [] };
    this.operations.set(key, operation);
    void this.run(key, operation, request, resumeAfter ?? this.lastEventId, listener);
  }

  /** Ends the subscription under `key`; false when there is none. */
  stop(key: string): boolean {
    const operation = this.operations.get(key);
    if (!operation) return false;
    this.operations.delete(key);
    operation.stopped = true;
    operation.handle?.stop();
    this.uncount(operation);
    return true;
  }

  private uncount(operation: Operation): void {
    if (!operation.counted) return;
    operation.counted = false;
    this.deps.metrics?.subscriptionStopped(this.projectId);
  }

  /** Ends every subscription and the expiry watch; the socket is gone or going. */
  close(): void {
    this.closed = true;
    clearTimeout(this.expiryTimer);
    for (const key of [...this.operations.keys()]) this.stop(key);
  }

  private async run(key: string, operation: Operation, request: SubscriptionRequest, resumeAfter: string | null, listener: OperationListener): Promise<void> {
    const live = () => !operation.stopped && this.operations.get(key) === operation;
    const deliver = (event: () => void) => {
      if (!live()) return;
      if (operation.held) operation.held.push(() => live() && event());
      else event();
    };
    const sink: SubscriptionSink = {
      next: (result, eventId) => deliver(() => listener.next(result, eventId)),
      schemaChanged: () =>
        deliver(() => {
          this.operations.delete(key);
          this.uncount(operation);
          listener.schemaChanged();
        }),
    };
    const outcome = await this.open(request, sink, resumeAfter);
    if (!live()) {
      if (outcome.ok) outcome.handle.stop();
      return;
    }
    if (!outcome.ok) {
      this.operations.delete(key);
      listener.failed(outcome.errors.length > 0 ? outcome.errors : [{ message: INTERNAL_ERROR_MESSAGE }]);
      return;
    }
    operation.handle = outcome.handle;
    operation.counted = true;
    this.deps.metrics?.subscriptionStarted(this.projectId);
    listener.started();
    const held = operation.held ?? [];
    operation.held = null;
    for (const event of held) event();
  }

  /**
   * Asks the hub. The project is loaded again for every subscription, so one started after a
   * redeploy runs on the new revision, and the token is checked against the project's current
   * secrets (the gate remembers it, so this costs a map lookup).
   */
  private async open(request: SubscriptionRequest, sink: SubscriptionSink, resumeAfter: string | null): Promise<SubscriptionOutcome> {
    try {
      const auth = await this.deps.auth.authenticate(this.projectId, this.authorization);
      if (!auth.ok) {
        return { ok: false, errors: [{ message: auth.failure === 'project-not-found' ? projectNotFoundMessage(this.projectId) : INVALID_TOKEN_MESSAGE }] };
      }
      return await this.deps.hub.start(auth.project, request, sink, resumeAfter);
    } catch (error) {
      this.deps.logger.error({ err: error, projectId: this.projectId }, 'a subscription could not be started');
      return { ok: false, errors: [{ message: INTERNAL_ERROR_MESSAGE }] };
    }
  }

  private watchExpiry(expiresAt: number | null): void {
    clearTimeout(this.expiryTimer);
    if (expiresAt === null) return;
    const delay = Math.min(Math.max(expiresAt - Date.now(), 0), MAX_TIMER_MS);
    this.expiryTimer = setTimeout(() => {
      if (this.closed) return;
      if (Date.now() < expiresAt) this.watchExpiry(expiresAt);
      else this.expiryListener();
    }, delay);
  }
}
