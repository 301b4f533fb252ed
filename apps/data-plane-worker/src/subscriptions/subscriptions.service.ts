// Everything subscriptions need in one worker, started and stopped with it: the interest cache
// (which models the cluster watches), the event feed (LISTEN + reads of the events table), the
// hub the WebSocket transports use, the publisher each project API writes events through, and the
// pruning of events older than the retention window.
import type { Logger } from '@refract/shared';
import { query, type SqlExecutor } from '@refract/pg-executor';
import type { ChangePublisher } from '@refract/query';
import type pg from 'pg';
import type { SubscriptionMetrics } from '../metrics/subscription.metrics.js';
import type { ApiLimits } from '../project/project.api.js';
import type { ProjectRegistry } from '../project/project.registry.js';
import { changePublisher } from './change.publisher.js';
import { EventFeed } from './event.feed.js';
import { InterestCache } from './event.interest.js';
import { pruneEvents } from './event.store.js';
import { SubscriptionEngine } from './subscription.engine.js';

export interface SubscriptionsOptions {
  readonly connectionString: string;
  /** Management pool: events, interest. */
  readonly pool: pg.Pool;
  /** API reads of the payloads. */
  readonly statements: SqlExecutor;
  readonly limits: ApiLimits;
  /** How long events are kept for subscribers that reconnect and resume. */
  readonly retentionSeconds: number;
  readonly logger: Logger;
}

const PRUNE_EVERY_MS = 60_000;

export class Subscriptions {
  private readonly interest: InterestCache;
  private readonly feed: EventFeed;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: SubscriptionsOptions) {
    this.interest = new InterestCache(options.connectionString, options.pool, { retentionSeconds: options.retentionSeconds, refreshMs: 30_000 }, options.logger);
    this.feed = new EventFeed(options.connectionString, options.pool, options.logger);
  }

  /** The hub for the WebSocket transports, over the projects of `registry`. */
  hubFor(registry: ProjectRegistry, metrics?: Pick<SubscriptionMetrics, 'eventDelivered'>): SubscriptionEngine {
    return new SubscriptionEngine(this.feed, this.interest, registry, this.options.statements, this.options.limits, this.options.logger, metrics);
  }

  async start(): Promise<void> {
    await this.interest.start();
    await this.feed.start();
    this.timer = setInterval(() => {
      query(this.options.pool, pruneEvents(this.options.retentionSeconds)).catch((error: unknown) => this.options.logger.warn({ err: error }, 'could not prune old events'));
    }, PRUNE_EVERY_MS);
    this.timer.unref();
  }

  /** The `changes` port of one project's API. */
  publisherFor(projectId: string): ChangePublisher {
    return changePublisher(projectId, this.interest);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.feed.close();
    await this.interest.close();
  }
}
