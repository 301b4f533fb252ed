// The contract between the WebSocket transports and the subscription engine. A transport
// authenticates the socket, speaks its protocol and calls `start` for each subscription; the hub
// validates the document against the project, delivers every matching event (spec §9.5, §9.6) to
// the sink in commit order, and ends the subscription when the project is redeployed.
import type { LoadedProject } from '../project/project.registry.js';

export interface SubscriptionRequest {
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>> | null;
  readonly operationName: string | null;
}

export interface SubscriptionSink {
  /** One event's GraphQL result (`{data}` or `{data, errors}`) with the event's id, for resuming. */
  next(result: Readonly<Record<string, unknown>>, eventId: string): void;
  /** The project was redeployed or deleted: the subscription has ended ("Schema changed"). */
  schemaChanged(): void;
}

export interface SubscriptionHandle {
  stop(): void;
}

export type SubscriptionOutcome =
  | { readonly ok: true; readonly handle: SubscriptionHandle }
  | { readonly ok: false; readonly errors: readonly { readonly message: string }[] };

export interface SubscriptionHub {
  /**
   * Starts a subscription. With `resumeAfter` (an event id the client saw last), events committed
   * after it and still retained are delivered first, in order, before live ones.
   */
  start(project: LoadedProject, request: SubscriptionRequest, sink: SubscriptionSink, resumeAfter: string | null): Promise<SubscriptionOutcome>;
}
