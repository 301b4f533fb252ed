// Applies scheduled migrations (spec §5.5), differently from Prisma 1 in one respect on purpose:
// all statements of a migration run in ONE PostgreSQL transaction together with the status
// change, so a migration applies whole or not at all — also when the worker dies midway (the
// transaction is rolled back and the migration stays PENDING for the next worker to pick up).
// A per-project advisory lock serialises workers applying the same project.
import { ddlForSteps } from '@refract/ddl';
import type { Logger } from '@refract/shared';
import { sql } from '@refract/sql';
import type pg from 'pg';
import { query, transaction } from '@refract/pg-executor';
import type { ManagementRepository } from '../store/management.repository.js';

export class MigrationApplier {
  private readonly running = new Set<Promise<void>>();
  private closed = false;
  private readonly appliedListeners: ((projectId: string) => void)[] = [];

  constructor(
    private readonly pool: pg.Pool,
    private readonly repository: ManagementRepository,
    private readonly logger: Logger,
  ) {}

  /**
   * Called after a migration committed. Other workers learn of it through NOTIFY; this hook lets
   * the applying worker drop its cached API before `idle()` resolves, with no delay at all.
   */
  onApplied(listener: (projectId: string) => void): void {
    this.appliedListeners.push(listener);
  }

  /** Starts applying in the background; `idle()` waits for everything started. */
  schedule(projectId: string, revision: number): void {
    if (this.closed) return;
    const work = this.apply(projectId, revision)
      .catch((error: unknown) => this.logger.error({ err: error, projectId, revision }, 'applying a migration failed'))
      .finally(() => this.running.delete(work));
    this.running.add(work);
  }

  /** Picks up migrations left PENDING, e.g. by a worker that died while applying. */
  async resumePending(): Promise<void> {
    for (const { projectId, revision } of await this.repository.pendingMigrations()) this.schedule(projectId, revision);
    await this.idle();
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }

  async apply(projectId: string, revision: number): Promise<void> {
    const startedAt = new Date();
    try {
      await transaction(this.pool, async (client) => {
        await query(client, sql`SELECT pg_advisory_xact_lock(hashtextextended(${`refract:migrate:${projectId}`}, 0))`);
        const migration = await this.repository.findMigration(projectId, revision, client, true);
        if (!migration || migration.status !== 'PENDING') return; // another worker finished it
        const active = await this.repository.activeMigration(projectId, client);
        const previous = active && active.revision > 1 ? active.schema : null;
        for (const statement of ddlForSteps(projectId, previous, migration.schema, migration.steps)) await query(client, statement);
        await this.repository.finishMigration(projectId, revision, { status: 'SUCCESS', applied: migration.steps.length, errors: [], startedAt }, client);
      });
      for (const listener of this.appliedListeners) listener(projectId);
      this.logger.info({ projectId, revision }, 'migration applied');
    } catch (error) {
      // The transaction rolled everything back: the project stays at its previous revision.
      const message = error instanceof Error ? error.message : String(error);
      await this.repository.finishMigration(projectId, revision, { status: 'ROLLBACK_SUCCESS', applied: 0, errors: [message], startedAt }, this.pool);
      this.logger.warn({ projectId, revision, error: message }, 'migration rolled back');
    }
  }
}
