// Projects and migrations in the `management` schema. Service secrets are sealed at rest; the
// schema model of every revision is stored beside its datamodel so the API never re-infers it.
import type { MigrationStep } from '@refract/migration';
import { SCHEMA_MODEL_FORMAT, parseSchemaJson, serializeSchema, type SchemaModel } from '@refract/schema-model';
import type { SecretBox } from '@refract/shared';
import { sql } from '@refract/sql';
import type pg from 'pg';
import { query, type Queryable } from '@refract/pg-executor';
import { MANAGEMENT_SCHEMA } from './management-schema.js';

export type MigrationStatus = 'PENDING' | 'IN_PROGRESS' | 'SUCCESS' | 'ROLLING_BACK' | 'ROLLBACK_SUCCESS' | 'ROLLBACK_FAILURE';
export const OPEN_STATUSES: readonly MigrationStatus[] = ['PENDING', 'IN_PROGRESS', 'ROLLING_BACK'];

export interface ProjectRecord {
  readonly id: string;
  readonly service: string;
  readonly stage: string;
  readonly secrets: readonly string[];
  /** Service tokens must carry `data.service = "<service>@<stage>"` (an opt-in beyond Prisma 1). */
  readonly checkServiceClaim?: boolean;
}

/** Channel on which every worker of the cluster hears that a project's API must be reloaded. */
export const PROJECT_CHANGED_CHANNEL = 'refract_project_changed';

export interface MigrationRecord {
  readonly projectId: string;
  readonly revision: number;
  readonly schema: SchemaModel;
  readonly datamodel: string;
  readonly steps: readonly MigrationStep[];
  readonly status: MigrationStatus;
  readonly applied: number;
  readonly rolledBack: number;
  readonly errors: readonly string[];
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export const EMPTY_SCHEMA: SchemaModel = { format: SCHEMA_MODEL_FORMAT, datamodelFormat: '1.1', models: [], relations: [], enums: [] };

const t = (table: string) => sql.ident(MANAGEMENT_SCHEMA, table);

interface MigrationRow {
  projectId: string;
  revision: number;
  schema: unknown;
  datamodel: string;
  steps: MigrationStep[];
  status: MigrationStatus;
  applied: number;
  rolledBack: number;
  errors: string[];
  startedAt: Date | null;
  finishedAt: Date | null;
}

function toMigration(row: MigrationRow): MigrationRecord {
  return { ...row, schema: parseSchemaJson(JSON.stringify(row.schema)) };
}

export class ManagementRepository {
  constructor(
    private readonly pool: pg.Pool,
    private readonly box: SecretBox,
  ) {}

  private toProject(row: { id: string; service: string; stage: string; secrets: string; checkServiceClaim?: boolean }): ProjectRecord {
    return {
      id: row.id,
      service: row.service,
      stage: row.stage,
      secrets: JSON.parse(this.box.open(row.secrets)) as string[],
      checkServiceClaim: row.checkServiceClaim ?? false,
    };
  }

  async findProject(id: string, db: Queryable = this.pool): Promise<ProjectRecord | null> {
    const [row] = await query<{ id: string; service: string; stage: string; secrets: string; checkServiceClaim: boolean }>(
      db,
      sql`SELECT "id", "service", "stage", "secrets", "checkServiceClaim" FROM ${t('Project')} WHERE "id" = ${id}`,
    );
    return row ? this.toProject(row) : null;
  }

  /**
   * Tells every worker (this one included) that the project's API changed: its schema, secrets or
   * settings, or the project is gone. Sent inside the caller's transaction, so it is delivered on
   * commit and never for a change that rolled back.
   */
  async notifyProjectChanged(id: string, db: Queryable): Promise<void> {
    await query(db, sql`SELECT pg_notify(${PROJECT_CHANGED_CHANNEL}, ${id})`);
  }

  async updateSettings(id: string, settings: { checkServiceClaim: boolean }, db: Queryable): Promise<void> {
    await query(db, sql`UPDATE ${t('Project')} SET "checkServiceClaim" = ${settings.checkServiceClaim} WHERE "id" = ${id}`);
    await this.notifyProjectChanged(id, db);
  }

  async createProject(project: ProjectRecord, db: Queryable): Promise<void> {
    await query(
      db,
      sql`INSERT INTO ${t('Project')} ("id", "service", "stage", "secrets")
          VALUES (${project.id}, ${project.service}, ${project.stage}, ${this.box.seal(JSON.stringify(project.secrets))})`,
    );
    // Revision 1 is the empty schema, already applied (spec §5.5).
    await this.insertMigration(
      { projectId: project.id, revision: 1, schema: EMPTY_SCHEMA, datamodel: '', steps: [], status: 'SUCCESS', applied: 0, rolledBack: 0, errors: [], startedAt: null, finishedAt: null },
      db,
    );
  }

  async deleteProject(id: string, db: Queryable): Promise<void> {
    await query(db, sql`DELETE FROM ${t('Project')} WHERE "id" = ${id}`);
    await this.notifyProjectChanged(id, db);
  }

  async updateSecrets(id: string, secrets: readonly string[], db: Queryable): Promise<void> {
    await query(db, sql`UPDATE ${t('Project')} SET "secrets" = ${this.box.seal(JSON.stringify(secrets))} WHERE "id" = ${id}`);
    await this.notifyProjectChanged(id, db);
  }

  /** Projects with their active (latest successful) datamodel. */
  async listProjects(): Promise<{ project: ProjectRecord; datamodel: string }[]> {
    const rows = await query<{ id: string; service: string; stage: string; secrets: string; datamodel: string }>(
      this.pool,
      sql`SELECT p."id", p."service", p."stage", p."secrets", m."datamodel"
          FROM ${t('Project')} p
          JOIN LATERAL (SELECT "datamodel" FROM ${t('Migration')} WHERE "projectId" = p."id" AND "status" = 'SUCCESS'
                        ORDER BY "revision" DESC LIMIT 1) m ON true
          ORDER BY p."id"`,
    );
    return rows.map((row) => ({ project: this.toProject(row), datamodel: row.datamodel }));
  }

  async insertMigration(migration: MigrationRecord, db: Queryable): Promise<void> {
    await query(
      db,
      sql`INSERT INTO ${t('Migration')} ("projectId", "revision", "schema", "datamodel", "steps", "status", "applied", "rolledBack", "errors", "startedAt", "finishedAt")
          VALUES (${migration.projectId}, ${migration.revision}, ${serializeSchema(migration.schema)}::jsonb, ${migration.datamodel},
                  ${JSON.stringify(migration.steps)}::jsonb, ${migration.status}, ${migration.applied}, ${migration.rolledBack},
                  ${JSON.stringify(migration.errors)}::jsonb, ${migration.startedAt}, ${migration.finishedAt})`,
    );
  }

  private selectMigrations() {
    return sql`SELECT "projectId", "revision", "schema", "datamodel", "steps", "status", "applied", "rolledBack", "errors", "startedAt", "finishedAt" FROM ${t('Migration')}`;
  }

  /** The migration the API serves: the latest successful one. */
  async activeMigration(projectId: string, db: Queryable = this.pool): Promise<MigrationRecord | null> {
    const [row] = await query<MigrationRow>(
      db,
      sql`${this.selectMigrations()} WHERE "projectId" = ${projectId} AND "status" = 'SUCCESS' ORDER BY "revision" DESC LIMIT 1`,
    );
    return row ? toMigration(row) : null;
  }

  /** The oldest open migration, else the latest successful one (spec §5.5). */
  async migrationStatus(projectId: string): Promise<MigrationRecord | null> {
    const [open] = await query<MigrationRow>(
      this.pool,
      sql`${this.selectMigrations()} WHERE "projectId" = ${projectId} AND "status" IN (${sql.join([...OPEN_STATUSES])}) ORDER BY "revision" ASC LIMIT 1`,
    );
    return open ? toMigration(open) : this.activeMigration(projectId);
  }

  async listMigrations(projectId: string): Promise<MigrationRecord[]> {
    const rows = await query<MigrationRow>(this.pool, sql`${this.selectMigrations()} WHERE "projectId" = ${projectId} ORDER BY "revision" DESC`);
    return rows.map(toMigration);
  }

  async latestRevision(projectId: string, db: Queryable): Promise<number> {
    const [row] = await query<{ revision: number | null }>(db, sql`SELECT max("revision") AS "revision" FROM ${t('Migration')} WHERE "projectId" = ${projectId}`);
    return row?.revision ?? 0;
  }

  async hasOpenMigration(projectId: string, db: Queryable): Promise<boolean> {
    const rows = await query(db, sql`SELECT 1 FROM ${t('Migration')} WHERE "projectId" = ${projectId} AND "status" IN (${sql.join([...OPEN_STATUSES])}) LIMIT 1`);
    return rows.length > 0;
  }

  /** Pending migrations of every project, oldest first: what the applier has to do. */
  async pendingMigrations(): Promise<{ projectId: string; revision: number }[]> {
    return query<{ projectId: string; revision: number }>(
      this.pool,
      sql`SELECT "projectId", "revision" FROM ${t('Migration')} WHERE "status" = 'PENDING' ORDER BY "projectId", "revision"`,
    );
  }

  async findMigration(projectId: string, revision: number, db: Queryable, lock = false): Promise<MigrationRecord | null> {
    const [row] = await query<MigrationRow>(
      db,
      sql`${this.selectMigrations()} WHERE "projectId" = ${projectId} AND "revision" = ${revision}${lock ? sql` FOR UPDATE` : sql.empty}`,
    );
    return row ? toMigration(row) : null;
  }

  async finishMigration(
    projectId: string,
    revision: number,
    outcome: { status: MigrationStatus; applied: number; errors: readonly string[]; startedAt: Date },
    db: Queryable,
  ): Promise<void> {
    await query(
      db,
      sql`UPDATE ${t('Migration')} SET "status" = ${outcome.status}, "applied" = ${outcome.applied}, "errors" = ${JSON.stringify(outcome.errors)}::jsonb,
            "startedAt" = ${outcome.startedAt}, "finishedAt" = now()
          WHERE "projectId" = ${projectId} AND "revision" = ${revision}`,
    );
    if (outcome.status === 'SUCCESS') await this.notifyProjectChanged(projectId, db);
  }
}
