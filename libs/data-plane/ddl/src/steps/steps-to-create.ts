// The steps that create a whole schema from nothing: what the planner infers for a new project
// (every model, field and relation is new), so deploying a new project and tests need no planner.
import type { MigrationStep } from '@refract/migration';
import type { SchemaModel } from '@refract/schema-model';

/**
 * CreateEnum, CreateModel, CreateField, CreateRelation for everything in `schema`, in STEP_ORDER
 * and schema order. Hidden back-relation fields get no step (the planner skips them too); hidden
 * 1.0 system fields (`id`, `createdAt`, `updatedAt`) do, since they are columns.
 */
export function stepsToCreate(schema: SchemaModel): MigrationStep[] {
  return [
    ...schema.enums.map((e): MigrationStep => ({ type: 'CreateEnum', name: e.name, values: e.values, reason: `The enum \`${e.name}\` is new.` })),
    ...schema.models.map((m): MigrationStep => ({ type: 'CreateModel', name: m.name, reason: `The model \`${m.name}\` is new.` })),
    ...schema.models.flatMap((m) =>
      m.fields
        .filter((f) => !(f.kind === 'relation' && f.isHidden))
        .map((f): MigrationStep => ({ type: 'CreateField', model: m.name, name: f.name, reason: `The field \`${f.name}\` of the new model \`${m.name}\` is new.` })),
    ),
    ...schema.relations.map((r): MigrationStep => ({ type: 'CreateRelation', name: r.name, reason: `The relation \`${r.name}\` is new.` })),
  ];
}
