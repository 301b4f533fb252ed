import { isDeepStrictEqual } from 'node:util';
// The deploy mutation (spec §5.3): datamodel -> schema model -> steps -> checks against the data,
// then a PENDING migration that the applier runs after the response has been sent.
import { buildSchema } from '@refract/datamodel';
import { MigrationError, checkMigration, describeStep, planMigration, type MigrationStep } from '@refract/migration';
import type pg from 'pg';
import type { DeployInput, DeployPort } from '../management/management.schema.js';
import { errors } from '../management/management.errors.js';
import { normaliseSecrets } from '../management/management.service.js';
import { projectId } from '../management/project-names.js';
import { sql } from '@refract/sql';
import { query, transaction } from '@refract/pg-executor';
import { EMPTY_SCHEMA, type ManagementRepository, type MigrationRecord } from '../store/management.repository.js';
import { checkAgainstDatabase } from './database-schema.check.js';
import { SqlDataProbe } from './sql-data.probe.js';

/** Starts applying a scheduled migration; resolves when it is done (callers need not wait). */
export type ScheduleApply = (projectId: string, revision: number) => void;

interface Problem {
  readonly type: string;
  readonly field: string | null;
  readonly description: string;
}

const problem = (p: Problem): Problem => ({ type: p.type, field: p.field ?? null, description: p.description });

export class DeployService implements DeployPort {
  constructor(
    private readonly pool: pg.Pool,
    private readonly repository: ManagementRepository,
    private readonly scheduleApply: ScheduleApply,
  ) {}

  async deploy(input: DeployInput) {
    const id = projectId(input.name, input.stage);
    const project = await this.repository.findProject(id);
    if (!project) throw errors.projectNotFound(input.name, input.stage);
    const active = await this.repository.activeMigration(id);
    const previous = active?.schema ?? EMPTY_SCHEMA;
    let next = previous;
    const reply = (fields: { errors?: Problem[]; warnings?: Problem[]; steps?: readonly MigrationStep[]; migration?: unknown }) => ({
      errors: fields.errors ?? [],
      warnings: fields.warnings ?? [],
      steps: (fields.steps ?? []).map((step) => describeStep(step, previous, next)),
      migration: fields.migration ?? null,
      clientMutationId: input.clientMutationId ?? null,
    });

    const built = buildSchema(input.types, { previous: active && active.revision > 1 ? previous : null });
    if (!built.ok) {
      if (built.format === null) throw errors.invalidQuery(built.errors[0]?.description ?? 'The datamodel could not be parsed.');
      if (built.code === 4004) throw errors.relationNameNeeded(built.errors[0]!.description);
      return reply({ errors: built.errors.map(problem) });
    }
    next = built.schema;

    let steps: readonly MigrationStep[];
    try {
      steps = input.noMigration ? [] : planMigration(previous, next, built.renames).steps;
    } catch (error) {
      if (error instanceof MigrationError) throw errors.updatedRelationAmbiguous(error.message);
      throw error;
    }
    if (input.noMigration) {
      const mismatches = await checkAgainstDatabase(this.pool, id, next);
      if (mismatches.length > 0) return reply({ errors: mismatches.map(problem) });
    }
    const checks = await checkMigration({ steps }, previous, next, new SqlDataProbe(this.pool, id, previous));
    if (checks.errors.length > 0) return reply({ errors: checks.errors.map(problem), steps });
    const warnings = [...built.warnings.map(problem), ...checks.warnings.map(problem)];
    if (warnings.length > 0 && !input.force) return reply({ warnings, steps });
    const echoedWarnings = input.force ? warnings : [];
    if (input.dryRun) return reply({ warnings: echoedWarnings, steps });

    const secrets = input.secrets === undefined || input.secrets === null ? project.secrets : normaliseSecrets(input.secrets);
    const secretsChanged = JSON.stringify(secrets) !== JSON.stringify(project.secrets);
    // Without steps, stable identifiers carry over, so an equal schema means nothing changed (a new
    // default value, say, changes the schema without a step and still needs a new revision).
    const schemaChanged = !isDeepStrictEqual(next, previous);
    const migration = await transaction(this.pool, async (client) => {
      // Deploys of one project serialise here, across workers: the second sees the first's migration.
      await query(client, sql`SELECT pg_advisory_xact_lock(hashtextextended(${`refract:deploy:${id}`}, 0))`);
      if (await this.repository.hasOpenMigration(id, client)) throw errors.deploymentInProgress();
      const allSteps: MigrationStep[] = [...steps];
      if (secretsChanged) {
        await this.repository.updateSecrets(id, secrets, client);
        allSteps.push({ type: 'UpdateSecrets', secrets, reason: 'The service secrets changed.' });
      }
      if (steps.length === 0 && !schemaChanged && !secretsChanged && active?.datamodel === input.types) return null;
      const record: MigrationRecord = {
        projectId: id,
        revision: (await this.repository.latestRevision(id, client)) + 1,
        schema: next,
        datamodel: input.types,
        steps: allSteps,
        status: 'PENDING',
        applied: 0,
        rolledBack: 0,
        errors: [],
        startedAt: null,
        finishedAt: null,
      };
      await this.repository.insertMigration(record, client);
      return record;
    });
    if (migration) this.scheduleApply(id, migration.revision);
    return reply({
      warnings: echoedWarnings,
      steps,
      migration: migration ? { ...migration, steps: () => this.renderSteps(migration) } : null,
    });
  }

  async renderSteps(migration: MigrationRecord): Promise<unknown[]> {
    const previous = migration.revision > 1 ? ((await this.previousSchema(migration)) ?? EMPTY_SCHEMA) : EMPTY_SCHEMA;
    return migration.steps.map((step) => describeStep(step, previous, migration.schema));
  }

  private async previousSchema(migration: MigrationRecord) {
    const migrations = await this.repository.listMigrations(migration.projectId);
    return migrations.find((m) => m.revision < migration.revision && m.status === 'SUCCESS')?.schema;
  }
}
