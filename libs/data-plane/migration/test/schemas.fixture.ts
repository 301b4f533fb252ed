// Schemas for tests, built from SDL by the datamodel stage (the planner's real upstream), with
// deterministic model identifiers. A build that fails is a test failure that prints the errors.
import { buildSchema, type BuildOptions } from '@refract/datamodel';
import type { SchemaModel } from '@refract/schema-model';
import { planMigration, type MigrationPlan } from '../src/migration.planner.js';
import type { Renames } from '@refract/schema-model';

export interface Built {
  readonly schema: SchemaModel;
  readonly renames: Renames;
}

export function build(sdl: string, options: BuildOptions = {}): Built {
  let next = 0;
  const result = buildSchema(sdl, { newIdentifier: () => `model${++next}`, ...options });
  if (!result.ok) throw new Error(`build failed: ${JSON.stringify(result.errors, null, 2)}`);
  return { schema: result.schema, renames: result.renames };
}

export interface Planned {
  readonly previous: SchemaModel | null;
  readonly next: SchemaModel;
  readonly plan: MigrationPlan;
}

/** Builds both datamodels (the next one on top of the previous, as deploy does) and plans between them. */
export function planBetween(previousSdl: string | null, nextSdl: string, options: BuildOptions = {}): Planned {
  const previous = previousSdl === null ? null : build(previousSdl, options).schema;
  const { schema: next, renames } = build(nextSdl, { ...options, previous });
  return { previous, next, plan: planMigration(previous, next, renames) };
}

/** `Type name` per step, e.g. `UpdateField Post.title` — how tests state a plan briefly. */
export function stepList(plan: MigrationPlan): string[] {
  return plan.steps.map((step) => {
    switch (step.type) {
      case 'CreateField':
      case 'DeleteField':
        return `${step.type} ${step.model}.${step.name}`;
      case 'UpdateField':
        return `${step.type} ${step.model}.${step.name}${step.newName ? ` -> ${step.newModel}.${step.newName}` : step.newModel !== step.model ? ` -> ${step.newModel}.${step.name}` : ''}`;
      case 'UpdateModel':
        return `${step.type} ${step.name} -> ${step.newName}`;
      case 'UpdateEnum':
      case 'UpdateRelation':
        return `${step.type} ${step.name}${step.newName ? ` -> ${step.newName}` : ''}`;
      case 'UpdateSecrets':
        return step.type;
      default:
        return `${step.type} ${step.name}`;
    }
  });
}
