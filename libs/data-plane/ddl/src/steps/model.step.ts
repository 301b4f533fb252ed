// CreateModel, DeleteModel, UpdateModel (spec §5.2).
import type { CreateModel, DeleteModel, UpdateModel } from '@refract/migration';
import { columnName, idField, scalarFields, tableName } from '@refract/schema-model';
import type { Sql } from '@refract/sql';
import { idSequence } from '../table-names.js';
import { renameUniqueIndex } from '../statements/field.ddl.js';
import { createModelTable, dropTableIfExists, idColumnOf, renameTable } from '../statements/model.ddl.js';
import { dropScalarListTable, renameScalarListTable } from '../statements/scalar-list.ddl.js';
import { dropSequence, renameSequence } from '../statements/sequence.ddl.js';
import type { StepContext } from './step-context.js';

export function createModel(ctx: StepContext, step: CreateModel): Sql[] {
  const model = ctx.nextModel(step.name);
  return createModelTable(ctx.schemaName, tableName(model), idColumnOf(model.name, idField(model)));
}

/**
 * List tables first (they reference the model table), then the table, then its id sequence,
 * which Prisma 1 left behind (it would make a later model of the same name continue the old
 * numbering). Relations were removed by the DeleteRelation steps that run before.
 */
export function deleteModel(ctx: StepContext, step: DeleteModel): Sql[] {
  const model = ctx.previousModel(step.name);
  const table = tableName(model);
  const lists = scalarFields(model).filter((f) => f.isList);
  const sequence = idSequence(model.name, idField(model));
  return [
    ...lists.map((f) => dropScalarListTable(ctx.schemaName, { modelTable: table, column: columnName(f) }, { ifExists: true })),
    dropTableIfExists(ctx.schemaName, table),
    ...(sequence ? [dropSequence(ctx.schemaName, sequence.name)] : []),
  ];
}

/**
 * Renames the table and everything named after it: list tables (Prisma 1 did not, spec §18.1
 * item 18), unique indexes (whose names the API reads, spec §8.9) and a derived id sequence name.
 * Fields created later in this migration do not exist yet and are skipped.
 */
export function updateModel(ctx: StepContext, step: UpdateModel): Sql[] {
  const previous = ctx.previousModel(step.name);
  const next = ctx.nextModel(step.newName);
  const from = tableName(previous);
  const to = tableName(next);
  const statements: Sql[] = [];
  if (from !== to) {
    statements.push(renameTable(ctx.schemaName, from, to));
    for (const field of scalarFields(next)) {
      if (ctx.createsField(next.name, field.name)) continue;
      const column = columnName(field);
      if (field.isList) statements.push(...renameScalarListTable(ctx.schemaName, { modelTable: from, column }, { modelTable: to, column }));
      else if (field.isUnique && !field.isId) statements.push(...renameUniqueIndex(ctx.schemaName, { table: from, column }, { table: to, column }));
    }
  }
  // The id field already has its next name (UpdateField ran); only the model part changes here.
  const id = idField(next);
  const before = idSequence(previous.name, id);
  const after = idSequence(next.name, id);
  if (before && after && before.name !== after.name) statements.push(renameSequence(ctx.schemaName, before.name, after.name));
  return statements;
}
