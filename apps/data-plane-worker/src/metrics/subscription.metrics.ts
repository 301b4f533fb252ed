// What the subscription server reports, as a port: it calls these methods and knows nothing of
// Prometheus. The Prometheus implementation keeps labels bounded like every other metric here.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { ProjectLabels } from './project.labels.js';

export interface SubscriptionMetrics {
  /** A WebSocket connection was accepted with this subprotocol (`graphql-ws`, `graphql-transport-ws`). */
  connectionOpened(protocol: string): void;
  /** The connection opened with this subprotocol closed, for whatever reason. */
  connectionClosed(protocol: string): void;
  /** A subscription operation started on an existing project (`service$stage`). */
  subscriptionStarted(projectId: string): void;
  /** A subscription started with `subscriptionStarted(projectId)` ended (complete, error, disconnect). */
  subscriptionStopped(projectId: string): void;
  /** An event reached a subscriber `delayMs` after its write committed. */
  eventDelivered(projectId: string, delayMs: number): void;
}

/** The subprotocols served; anything else is counted as `other` so a client cannot add series. */
const PROTOCOLS = new Set(['graphql-ws', 'graphql-transport-ws']);
const protocolLabel = (protocol: string) => (PROTOCOLS.has(protocol) ? protocol : 'other');

/** From a local NOTIFY round trip (milliseconds) to a backlog being replayed (tens of seconds). */
const DELAY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class PrometheusSubscriptionMetrics implements SubscriptionMetrics {
  private readonly connections: Gauge<'protocol'>;
  private readonly connectionsOpened: Counter<'protocol'>;
  private readonly active: Gauge<'project'>;
  private readonly delay: Histogram<'project'>;

  constructor(
    registry: Registry,
    private readonly projects: ProjectLabels,
  ) {
    const registers = [registry];
    this.connections = new Gauge({ name: 'refract_subscription_connections', help: 'Open subscription WebSocket connections.', labelNames: ['protocol'], registers });
    this.connectionsOpened = new Counter({
      name: 'refract_subscription_connections_opened_total',
      help: 'Subscription WebSocket connections accepted since the worker started.',
      labelNames: ['protocol'],
      registers,
    });
    this.active = new Gauge({ name: 'refract_subscriptions_active', help: 'Active subscription operations.', labelNames: ['project'], registers });
    this.delay = new Histogram({
      name: 'refract_subscription_delivery_delay_seconds',
      help: 'Time from the commit of a write to the delivery of its event to a subscriber.',
      labelNames: ['project'],
      buckets: DELAY_BUCKETS_SECONDS,
      registers,
    });
  }

  connectionOpened(protocol: string): void {
    const labels = { protocol: protocolLabel(protocol) };
    this.connections.inc(labels);
    this.connectionsOpened.inc(labels);
  }

  connectionClosed(protocol: string): void {
    this.connections.dec({ protocol: protocolLabel(protocol) });
  }

  subscriptionStarted(projectId: string): void {
    this.active.inc({ project: this.projects.admit(projectId) });
  }

  subscriptionStopped(projectId: string): void {
    this.active.dec({ project: this.projects.admit(projectId) });
  }

  eventDelivered(projectId: string, delayMs: number): void {
    // A clock step between the commit and now must not produce a negative observation.
    this.delay.observe({ project: this.projects.admit(projectId) }, Math.max(0, delayMs) / 1000);
  }
}
