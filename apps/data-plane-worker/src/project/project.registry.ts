// Loaded projects, cached per worker: the project record (secrets, settings) and the API built
// from its active revision. A request then costs no management query. Every change to a project
// (deploy, secrets, settings, delete) is announced with NOTIFY in its own transaction; each worker
// LISTENs and drops its copy, so all workers of a cluster serve the new revision right after the
// commit. While the listener is down nothing is cached, because a missed notification would
// otherwise leave a stale API in place.
import type { SchemaModel } from '@refract/schema-model';
import type { Logger } from '@refract/shared';
import { NotificationListener } from '@refract/pg-executor';
import { PROJECT_CHANGED_CHANNEL, type ManagementRepository, type MigrationRecord, type ProjectRecord } from '../store/management.repository.js';
import type { ProjectApi } from './project.api.js';

export interface LoadedProject {
  readonly record: ProjectRecord;
  readonly revision: number;
  /** The datamodel of the active revision, as deployed (served by `/_datamodel`). */
  readonly datamodel: string;
  /** The schema model of the active revision (what `/export` and `/import` read and write). */
  readonly schema: SchemaModel;
  readonly api: ProjectApi;
}

export type ProjectApiFactory = (record: ProjectRecord, migration: MigrationRecord) => ProjectApi;

export class ProjectRegistry {
  private readonly loaded = new Map<string, Promise<LoadedProject | null>>();
  /** Bumped on every invalidation, so a load that raced with one is not cached. */
  private readonly generations = new Map<string, number>();
  private readonly listener: NotificationListener;

  constructor(
    connectionString: string,
    private readonly repository: ManagementRepository,
    private readonly createApi: ProjectApiFactory,
    private readonly logger: Logger,
  ) {
    this.listener = new NotificationListener({
      connectionString,
      channel: PROJECT_CHANGED_CHANNEL,
      applicationName: 'refract-project-listener',
      onNotification: (projectId) => this.invalidate(projectId),
      onLost: (error) => {
        // Changes may be missed from now on: forget everything, cache nothing until listening again.
        this.loaded.clear();
        this.logger.warn({ err: error }, 'project change listener lost its connection; reconnecting');
      },
    });
  }

  async start(): Promise<void> {
    await this.listener.start();
  }

  invalidate(projectId: string): void {
    this.generations.set(projectId, (this.generations.get(projectId) ?? 0) + 1);
    this.loaded.delete(projectId);
    for (const listener of this.invalidationListeners) listener(projectId);
  }

  private readonly invalidationListeners: ((projectId: string) => void)[] = [];

  /** Told whenever a project changed (deploy, secrets, settings, delete) on any worker. */
  onInvalidated(listener: (projectId: string) => void): void {
    this.invalidationListeners.push(listener);
  }

  /** The project with its API, or null when it does not exist (nothing is cached for a miss). */
  async get(projectId: string): Promise<LoadedProject | null> {
    const cached = this.loaded.get(projectId);
    if (cached) return cached;
    const generation = this.generations.get(projectId) ?? 0;
    const loading = this.load(projectId);
    if (this.listener.listening) this.loaded.set(projectId, loading);
    const project = await loading.catch((error: unknown) => {
      this.loaded.delete(projectId);
      throw error;
    });
    if (project === null || (this.generations.get(projectId) ?? 0) !== generation) {
      if (this.loaded.get(projectId) === loading) this.loaded.delete(projectId);
    }
    return project;
  }

  private async load(projectId: string): Promise<LoadedProject | null> {
    const record = await this.repository.findProject(projectId);
    if (!record) return null;
    const migration = await this.repository.activeMigration(projectId);
    if (!migration) return null;
    return { record, revision: migration.revision, datamodel: migration.datamodel, schema: migration.schema, api: this.createApi(record, migration) };
  }

  async close(): Promise<void> {
    await this.listener.close();
  }
}
