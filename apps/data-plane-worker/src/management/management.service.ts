// The management operations other than deploy (spec §12.2): projects, migrations, tokens.
import { signHs256 } from '@refract/shared';
import { sql } from '@refract/sql';
import type pg from 'pg';
import { query, transaction } from '@refract/pg-executor';
import type { ManagementRepository, MigrationRecord, ProjectRecord } from '../store/management.repository.js';
import { errors } from './management.errors.js';
import { assertValidProjectNames, projectId } from './project-names.js';

export class ManagementService {
  constructor(
    private readonly pool: pg.Pool,
    private readonly repository: ManagementRepository,
  ) {}

  async requireProject(name: string, stage: string): Promise<ProjectRecord> {
    const project = await this.repository.findProject(projectId(name, stage));
    if (!project) throw errors.projectNotFound(name, stage);
    return project;
  }

  async addProject(name: string, stage: string, secrets: readonly string[]): Promise<ProjectRecord> {
    assertValidProjectNames(name, stage);
    const id = projectId(name, stage);
    const project: ProjectRecord = { id, service: name, stage, secrets: normaliseSecrets(secrets) };
    await transaction(this.pool, async (client) => {
      if (await this.repository.findProject(id, client)) throw errors.projectExists(name, stage);
      await this.repository.createProject(project, client);
      await query(client, sql`CREATE SCHEMA IF NOT EXISTS ${sql.ident(id)}`);
    }).catch((error: unknown) => {
      // Two addProject calls racing: the loser hits the primary key.
      if ((error as { code?: string }).code === '23505') throw errors.projectExists(name, stage);
      throw error;
    });
    return project;
  }

  async deleteProject(name: string, stage: string): Promise<ProjectRecord> {
    const project = await this.requireProject(name, stage);
    await transaction(this.pool, async (client) => {
      await this.repository.deleteProject(project.id, client);
      await query(client, sql`DROP SCHEMA IF EXISTS ${sql.ident(project.id)} CASCADE`);
    });
    return project;
  }

  async updateSettings(name: string, stage: string, settings: { checkServiceClaim: boolean }): Promise<void> {
    const project = await this.requireProject(name, stage);
    await this.repository.updateSettings(project.id, settings, this.pool);
  }

  async migrationStatus(name: string, stage: string): Promise<MigrationRecord> {
    const project = await this.requireProject(name, stage);
    const migration = await this.repository.migrationStatus(project.id);
    if (!migration) throw errors.projectNotFound(name, stage);
    return migration;
  }

  async listMigrations(name: string, stage: string): Promise<MigrationRecord[]> {
    const project = await this.requireProject(name, stage);
    return this.repository.listMigrations(project.id);
  }

  listProjects() {
    return this.repository.listProjects();
  }

  async datamodel(project: ProjectRecord): Promise<string> {
    return (await this.repository.activeMigration(project.id))?.datamodel ?? '';
  }

  /** A service token valid for 24 hours, or "" when the project has no secret (spec §11.2). */
  async generateProjectToken(name: string, stage: string): Promise<string> {
    const project = await this.requireProject(name, stage);
    const [secret] = project.secrets;
    if (!secret) return '';
    return signHs256({ nbf: Math.floor(Date.now() / 1000) }, secret, { expiresInSeconds: 86_400 });
  }
}

/** `secret: "a, b"` arrives split by the CLI; whitespace never belongs to a secret (spec §11.1). */
export function normaliseSecrets(secrets: readonly string[] | null | undefined): string[] {
  return (secrets ?? []).map((s) => s.replace(/\s/g, '')).filter((s) => s.length > 0);
}
