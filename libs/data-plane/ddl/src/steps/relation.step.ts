// CreateRelation, DeleteRelation, UpdateRelation (spec §5.2), plus the helpers the id type change
// of field.step.ts uses to take a model's relations down and put them back.
import type { CreateRelation, DeleteRelation, UpdateRelation } from '@refract/migration';
import { inlineHolderSide, tableName, type Relation } from '@refract/schema-model';
import type { Sql } from '@refract/sql';
import { renameColumn } from '../statements/field.ddl.js';
import { addInlineRelationColumn, createLinkTable, dropInlineRelationColumn, dropLinkTable, updateLinkTable, type ModelKey } from '../statements/relation.ddl.js';
import type { StepContext } from './step-context.js';

/** Stores a relation; `keyOf` says where each model's table and id are at this point. */
export function storeRelation(schemaName: string, relation: Relation, keyOf: (model: string) => ModelKey): Sql[] {
  const m = relation.manifestation;
  if (m.kind === 'table') return createLinkTable(schemaName, m, keyOf(relation.modelA), keyOf(relation.modelB));
  const target = m.inTableOfModel === relation.modelA ? relation.modelB : relation.modelA;
  return addInlineRelationColumn(schemaName, keyOf(m.inTableOfModel).table, m.referencingColumn, keyOf(target));
}

/** Removes a relation's storage; `tableOf` says what each model's table is called at this point. */
export function unstoreRelation(schemaName: string, relation: Relation, tableOf: (model: string) => string): Sql[] {
  const m = relation.manifestation;
  if (m.kind === 'table') return [dropLinkTable(schemaName, m)];
  return [dropInlineRelationColumn(schemaName, tableOf(m.inTableOfModel), m.referencingColumn)];
}

export function createRelation(ctx: StepContext, step: CreateRelation): Sql[] {
  return storeRelation(ctx.schemaName, ctx.nextRelation(step.name), (model) => ctx.nextKey(model));
}

export function deleteRelation(ctx: StepContext, step: DeleteRelation): Sql[] {
  return unstoreRelation(ctx.schemaName, ctx.previousRelation(step.name), (model) => tableName(ctx.previousModel(model)));
}

/**
 * Link table → link table keeps the rows (columns and table renamed); an inline column that stays
 * on the same side of the same model is renamed; every other change drops the old storage and
 * creates the new one, losing the connections (the planner warned about that, spec §5.4).
 * Model renames have run by now, so the old storage is found under the model's next table name.
 */
export function updateRelation(ctx: StepContext, step: UpdateRelation): Sql[] {
  const previous = ctx.previousRelation(step.name);
  const next = ctx.nextRelation(step.newName ?? step.name);
  const before = previous.manifestation;
  const after = next.manifestation;
  if (before.kind === 'table' && after.kind === 'table') return updateLinkTable(ctx.schemaName, before, after);
  if (before.kind === 'inline' && after.kind === 'inline' && ctx.successor(before.inTableOfModel).name === after.inTableOfModel) {
    const side = inlineHolderSide(ctx.next, next);
    if (side !== null && side === inlineHolderSide(ctx.previous, previous)) {
      const table = tableName(ctx.nextModel(after.inTableOfModel));
      return before.referencingColumn === after.referencingColumn ? [] : [renameColumn(ctx.schemaName, table, before.referencingColumn, after.referencingColumn)];
    }
  }
  return [
    ...unstoreRelation(ctx.schemaName, previous, (model) => tableName(ctx.successor(model))),
    ...storeRelation(ctx.schemaName, next, (model) => ctx.nextKey(model)),
  ];
}
