// Delivers committed change events to this worker's subscriptions, per project, in id order
// (= commit order, see change.publisher.ts). A NOTIFY from any worker's commit wakes the feed of
// that project, which reads the rows after its cursor: a lost notification only delays events
// until the next one (or the periodic poll), it never loses them. A joining subscription may first
// replay what it missed after a given event id, then continues with the live events, with no gap
// and no duplicate, because replay and live delivery run in the same queue.
import type { Logger } from '@refract/shared';
import { NotificationListener, query } from '@refract/pg-executor';
import type pg from 'pg';
import { EVENTS_CHANNEL, eventsAfter, lastEventId, type StoredEvent } from './event.store.js';

export type EventListener = (event: StoredEvent) => void;

const PAGE = 500;

class ProjectFeed {
  readonly listeners = new Set<EventListener>();
  private queue: Promise<void> = Promise.resolve();
  /** The last event delivered; null until read (a failed read is tried again by the next step). */
  private cursor: string | null = null;
  private pending = false;

  constructor(
    private readonly projectId: string,
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
    /** After the worker closed, failing reads (the pool has ended) are expected, not news. */
    private readonly closed: () => boolean,
  ) {}

  /** Where live delivery starts: the newest event when the feed is first used. */
  private async position(): Promise<string> {
    if (this.cursor === null) {
      const [row] = await query<{ id: string }>(this.pool, lastEventId(this.projectId));
      this.cursor = row?.id ?? '0';
    }
    return this.cursor;
  }

  /** Runs `task` after everything queued before it. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task).catch((error: unknown) => {
      if (!this.closed()) this.logger.warn({ err: error, projectId: this.projectId }, 'event feed step failed');
    });
    this.queue = next;
    return next;
  }

  /** Reads and delivers everything committed after the cursor (coalesces overlapping wake-ups). */
  poll(): void {
    if (this.pending) return;
    this.pending = true;
    void this.enqueue(async () => {
      this.pending = false;
      for (;;) {
        const events = await this.read(await this.position());
        for (const event of events) {
          this.cursor = event.id;
          for (const listener of this.listeners) listener(event);
        }
        if (events.length < PAGE) return;
      }
    });
  }

  /** Adds a listener; with `resumeAfter`, it first gets the retained events it missed. */
  join(listener: EventListener, resumeAfter: string | null): Promise<void> {
    // A failed join must fail the subscription's start, not leave it silently deaf.
    let failure: { error: unknown } | null = null;
    const joined = this.enqueue(async () => {
      try {
        await this.replayAndAdd(listener, resumeAfter);
      } catch (error) {
        failure = { error };
      }
    });
    return joined.then(() => {
      if (failure) throw failure.error;
    });
  }

  private async replayAndAdd(listener: EventListener, resumeAfter: string | null): Promise<void> {
    const cursor = BigInt(await this.position());
    if (resumeAfter !== null) {
      let after = resumeAfter;
      for (;;) {
        const events = (await this.read(after)).filter((e) => BigInt(e.id) <= cursor);
        for (const event of events) listener(event);
        if (events.length < PAGE) break;
        after = events[events.length - 1]!.id;
      }
    }
    this.listeners.add(listener);
  }

  private async read(after: string): Promise<StoredEvent[]> {
    return query<StoredEvent>(this.pool, eventsAfter(this.projectId, after, PAGE));
  }
}

export class EventFeed {
  private readonly projects = new Map<string, ProjectFeed>();
  private readonly listener: NotificationListener;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    connectionString: string,
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
    /** A safety net for lost notifications (a reconnecting listener also polls everything). */
    private readonly pollMs = 5000,
  ) {
    this.listener = new NotificationListener({
      connectionString,
      channel: EVENTS_CHANNEL,
      applicationName: 'refract-event-listener',
      onNotification: (projectId) => this.projects.get(projectId)?.poll(),
      onListening: (reconnected) => {
        if (reconnected) this.pollAll();
      },
      onLost: (error) => this.logger.warn({ err: error }, 'event listener lost its connection; reconnecting'),
    });
  }

  async start(): Promise<void> {
    await this.listener.start();
    this.timer = setInterval(() => this.pollAll(), this.pollMs);
    this.timer.unref();
  }

  private pollAll(): void {
    for (const feed of this.projects.values()) feed.poll();
  }

  /** Starts delivering the project's events to `listener`; returns how to stop. */
  async join(projectId: string, listener: EventListener, resumeAfter: string | null): Promise<() => void> {
    let feed = this.projects.get(projectId);
    if (!feed) {
      feed = new ProjectFeed(projectId, this.pool, this.logger, () => this.closed);
      this.projects.set(projectId, feed);
    }
    await feed.join(listener, resumeAfter);
    const joined = feed;
    return () => {
      joined.listeners.delete(listener);
      if (joined.listeners.size === 0 && this.projects.get(projectId) === joined) this.projects.delete(projectId);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.listener.close();
  }
}
