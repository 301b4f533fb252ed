// CreateField, DeleteField, UpdateField (spec §5.2). Relation fields have no DDL of their own: the
// relation steps store relations. Id columns are created with their table.
import type { CreateField, DeleteField, UpdateField } from '@refract/migration';
import { columnName, tableName, type Field, type Model, type ScalarField } from '@refract/schema-model';
import type { Sql } from '@refract/sql';
import { DdlError } from '../ddl.error.js';
import {
  addScalarColumn,
  allowNull,
  changeIdColumnType,
  createUniqueIndex,
  dropColumn,
  dropColumnDefault,
  dropUniqueIndex,
  renameColumn,
  renameUniqueIndex,
  requireColumn,
  scalarColumnOf,
  setColumnDefault,
} from '../statements/field.ddl.js';
import { idColumnOf, type IdColumn } from '../statements/model.ddl.js';
import { createScalarListTable, dropScalarListTable, renameScalarListTable } from '../statements/scalar-list.ddl.js';
import { createSequence, dropSequence, nextvalDefault, renameSequence } from '../statements/sequence.ddl.js';
import { storeRelation, unstoreRelation } from './relation.step.js';
import type { StepContext } from './step-context.js';

export function createField(ctx: StepContext, step: CreateField): Sql[] {
  const model = ctx.nextModel(step.model);
  const field = ctx.nextField(step.model, step.name);
  if (field.kind === 'relation' || field.isId) return [];
  const table = tableName(model);
  if (field.isList) return [createScalarListTable(ctx.schemaName, { modelTable: table, column: columnName(field), type: field.type }, ctx.nextKey(model.name))];
  // A table made by this migration has no rows: the column can be NOT NULL straight away.
  const fill = field.isRequired && !ctx.createsModel(model.name) ? ctx.migrationValue(field) : null;
  return addScalarColumn(ctx.schemaName, table, scalarColumnOf(field), fill);
}

export function deleteField(ctx: StepContext, step: DeleteField): Sql[] {
  const model = ctx.previousModel(step.model);
  const field = ctx.previousField(step.model, step.name);
  if (field.kind === 'relation' || field.isId) return [];
  const table = tableName(model);
  if (field.isList) return [dropScalarListTable(ctx.schemaName, { modelTable: table, column: columnName(field) }, { ifExists: false })];
  return [dropColumn(ctx.schemaName, table, columnName(field))];
}

/**
 * The field keeps its table's previous name here (model renames come later, see step-context.ts).
 * Same kind and type: the column or list table is altered in place and keeps its data. Any other
 * change removes the old storage and adds the new one (data lost; the planner warned, spec §5.4),
 * in that order so a column can be re-created under its own name.
 */
export function updateField(ctx: StepContext, step: UpdateField): Sql[] {
  const model = ctx.previousModel(step.model);
  const previous = ctx.previousField(step.model, step.name);
  const next = ctx.nextField(step.newModel, step.newName ?? step.name);
  if (previous.kind === 'relation' && next.kind === 'relation') return [];
  if (previous.kind === 'scalar' && next.kind === 'scalar' && (previous.isId || next.isId)) return updateIdField(ctx, model, previous, next);

  const table = tableName(model);
  if (previous.kind === 'scalar' && next.kind === 'scalar' && previous.type === next.type && previous.isList === next.isList) {
    if (next.isList) {
      return renameScalarListTable(ctx.schemaName, { modelTable: table, column: columnName(previous) }, { modelTable: table, column: columnName(next) });
    }
    return updateColumn(ctx, table, previous, next);
  }
  return [...removeStorage(ctx, table, previous), ...addStorage(ctx, model, next)];
}

function removeStorage(ctx: StepContext, table: string, field: Field): Sql[] {
  if (field.kind === 'relation') return [];
  if (field.isList) return [dropScalarListTable(ctx.schemaName, { modelTable: table, column: columnName(field) }, { ifExists: false })];
  return [dropColumn(ctx.schemaName, table, columnName(field))];
}

function addStorage(ctx: StepContext, model: Model, field: Field): Sql[] {
  if (field.kind === 'relation') return [];
  const table = tableName(model);
  if (field.isList) return [createScalarListTable(ctx.schemaName, { modelTable: table, column: columnName(field), type: field.type }, ctx.currentId(model.name))];
  return addScalarColumn(ctx.schemaName, table, scalarColumnOf(field), field.isRequired ? ctx.migrationValue(field) : null);
}

/** Same type, same list-ness: rename, nullability and the unique index, keeping the data. */
function updateColumn(ctx: StepContext, table: string, previous: ScalarField, next: ScalarField): Sql[] {
  const schema = ctx.schemaName;
  const before = scalarColumnOf(previous);
  const after = scalarColumnOf(next);
  const statements: Sql[] = [];
  if (before.isUnique && !after.isUnique) statements.push(dropUniqueIndex(schema, table, before.column));
  if (before.column !== after.column) {
    statements.push(renameColumn(schema, table, before.column, after.column));
    if (before.isUnique && after.isUnique) statements.push(...renameUniqueIndex(schema, { table, column: before.column }, { table, column: after.column }));
  }
  if (!before.isRequired && after.isRequired) statements.push(...requireColumn(schema, table, after.column, ctx.migrationValue(next)));
  if (before.isRequired && !after.isRequired) statements.push(allowNull(schema, table, after.column));
  if (!before.isUnique && after.isUnique) statements.push(createUniqueIndex(schema, table, after.column));
  return statements;
}

/**
 * An id field: renamed in place, its sequence following the id strategy. A type change needs every
 * foreign key to the id out of the way first: the model's relations and list tables are dropped,
 * the column changed, and both re-created as they were, with the new id type (spec §5.2). They are
 * re-created in their previous shape because the relation and model steps that follow expect it.
 */
function updateIdField(ctx: StepContext, model: Model, previous: ScalarField, next: ScalarField): Sql[] {
  if (!previous.isId || !next.isId) {
    throw new DdlError('UNSUPPORTED_CHANGE', `Moving the id of \`${model.name}\` to another field (\`${previous.name}\` → \`${next.name}\`) is not supported.`);
  }
  const schema = ctx.schemaName;
  const table = tableName(model);
  // Sequences are named after the model's previous name until UpdateModel renames them.
  const before = idColumnOf(model.name, previous);
  const after = idColumnOf(model.name, next);
  if (previous.type === next.type) {
    return [...(before.column === after.column ? [] : [renameColumn(schema, table, before.column, after.column)]), ...resequence(schema, table, before, after)];
  }

  const relations = ctx.survivingRelationsOf(model.name);
  const lists = ctx.currentListTables(model.name);
  const tableOf = (name: string) => tableName(ctx.previousModel(name));
  const keyOf = (name: string) => ({ table: tableOf(name), ...(name === model.name ? after : ctx.currentId(name)) });
  return [
    ...relations.flatMap((r) => unstoreRelation(schema, r, tableOf)),
    ...lists.map((list) => dropScalarListTable(schema, list, { ifExists: false })),
    ...(before.sequence ? [dropColumnDefault(schema, table, before.column)] : []),
    changeIdColumnType(schema, table, before.column, after.type),
    ...(before.column === after.column ? [] : [renameColumn(schema, table, before.column, after.column)]),
    ...(before.sequence ? [dropSequence(schema, before.sequence.name)] : []),
    ...(after.sequence ? [createSequence(schema, after.sequence), setColumnDefault(schema, table, after.column, nextvalDefault(schema, after.sequence.name))] : []),
    ...lists.map((list) => createScalarListTable(schema, list, after)),
    ...relations.flatMap((r) => storeRelation(schema, r, keyOf)),
  ];
}

/**
 * Keeps the database assigning Int ids as the strategy says. A renamed sequence keeps counting,
 * so ids stay unique; a new one starts at its initial value.
 */
function resequence(schema: string, table: string, before: IdColumn, after: IdColumn): Sql[] {
  if (before.sequence && after.sequence) return before.sequence.name === after.sequence.name ? [] : [renameSequence(schema, before.sequence.name, after.sequence.name)];
  if (before.sequence) return [dropColumnDefault(schema, table, after.column), dropSequence(schema, before.sequence.name)];
  if (after.sequence) return [createSequence(schema, after.sequence), setColumnDefault(schema, table, after.column, nextvalDefault(schema, after.sequence.name))];
  return [];
}
