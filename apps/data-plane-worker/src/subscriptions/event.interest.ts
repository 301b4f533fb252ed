// Which (project, model) pairs have subscribers anywhere in the cluster, known to every worker
// without a query per mutation: the whole (small) interest table is cached, reloaded when a worker
// announces a change (NOTIFY) and every `refreshMs` in any case. A worker with subscribers keeps
// its rows alive by extending them, so a subscriber that drops and comes back within the retention
// window finds every event it missed recorded.
import type { Logger } from '@refract/shared';
import { NotificationListener, query } from '@refract/pg-executor';
import type pg from 'pg';
import { INTEREST_CHANNEL, activeInterests, pruneInterests, upsertInterest } from './event.store.js';

export interface InterestOptions {
  /** How long interest outlives the last subscriber (the resume window). */
  readonly retentionSeconds: number;
  readonly refreshMs: number;
}

const key = (projectId: string, model: string) => `${projectId}\u0000${model}`;

export class InterestCache {
  private known = new Set<string>();
  /** Interest this worker holds (it extends these rows while subscribers remain). */
  private readonly held = new Map<string, { projectId: string; model: string; subscribers: number }>();
  private readonly listener: NotificationListener;
  /** Announcements by time: a reload that began before one committed must not drop it. */
  private readonly recent = new Map<string, number>();
  /** Holds waiting for their own announcement to come back through LISTEN. */
  private readonly echoes = new Map<string, (() => void)[]>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    connectionString: string,
    private readonly pool: pg.Pool,
    private readonly options: InterestOptions,
    private readonly logger: Logger,
  ) {
    this.listener = new NotificationListener({
      connectionString,
      channel: INTEREST_CHANNEL,
      applicationName: 'refract-interest-listener',
      onNotification: (payload) => {
        this.announced(payload);
        this.reloadInBackground();
      },
      // Announcements may have been missed while the connection was down.
      onListening: (reconnected) => {
        if (reconnected) this.reloadInBackground();
      },
      onLost: (error) => this.logger.warn({ err: error }, 'interest listener lost its connection; reconnecting'),
    });
  }

  async start(): Promise<void> {
    await this.listener.start();
    await this.reload();
    this.timer = setInterval(() => void this.tick(), this.options.refreshMs);
    this.timer.unref();
  }

  has(projectId: string, model: string): boolean {
    return this.known.has(key(projectId, model));
  }

  /** A subscriber of this worker watches the model; resolves once the cluster can know it. */
  async hold(projectId: string, model: string): Promise<() => void> {
    const k = key(projectId, model);
    const entry = this.held.get(k) ?? { projectId, model, subscribers: 0 };
    entry.subscribers++;
    this.held.set(k, entry);
    this.known.add(k);
    // Only the first subscriber announces it; the heartbeat keeps it alive for the others, so a
    // burst of reconnecting subscribers does not make every worker reload the table each time.
    if (entry.subscribers === 1) {
      // The announcement reaches every worker's listener together; once it is back here, the
      // others are recording this model's events too (up to their own few microseconds).
      const echoed = this.echoOf(k);
      await query(this.pool, upsertInterest(projectId, model, this.options.retentionSeconds));
      await echoed;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      entry.subscribers--;
      // The row stays until it expires: a subscriber that reconnects within the window resumes.
      if (entry.subscribers === 0 && this.held.get(k) === entry) this.held.delete(k);
    };
  }

  /** Resolves when an announcement of `k` arrives, or after a second (a lost one must not block). */
  private echoOf(k: string): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      timer.unref();
      const waiting = this.echoes.get(k) ?? [];
      waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
      this.echoes.set(k, waiting);
    });
  }

  private announced(payload: string): void {
    try {
      const [projectId, model] = JSON.parse(payload) as [string, string];
      const k = key(projectId, model);
      this.known.add(k);
      this.recent.set(k, Date.now());
      const waiting = this.echoes.get(k);
      this.echoes.delete(k);
      for (const done of waiting ?? []) done();
    } catch {
      // not an announcement of ours: the reload below covers it
    }
  }

  private async tick(): Promise<void> {
    try {
      for (const { projectId, model } of this.held.values()) await query(this.pool, upsertInterest(projectId, model, this.options.retentionSeconds));
      await query(this.pool, pruneInterests());
      await this.reload();
    } catch (error) {
      this.logger.warn({ err: error }, 'could not refresh subscription interest');
    }
  }

  private async reload(): Promise<void> {
    const rows = await query<{ projectId: string; model: string }>(this.pool, activeInterests());
    const next = new Set(rows.map((r) => key(r.projectId, r.model)));
    for (const k of this.held.keys()) next.add(k);
    const horizon = Date.now() - this.options.refreshMs * 2;
    for (const [k, at] of this.recent) {
      if (at < horizon) this.recent.delete(k);
      else next.add(k);
    }
    this.known = next;
  }

  private reloadInBackground(): void {
    this.reload().catch((error: unknown) => this.logger.warn({ err: error }, 'could not reload subscription interest'));
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.listener.close();
  }
}
