// What each file type exports, in schema order (spec §14.1): the cursor's `table` indexes this
// list. Nodes: one source per model. Lists: one per (model, scalar-list field). Relations: one per
// relation, with where its pairs are stored.
import {
  columnName,
  getModel,
  idField,
  inlineHolderSide,
  relationFields,
  scalarFields,
  tableName,
  type Model,
  type Relation,
  type RelationSide,
  type ScalarField,
  type SchemaModel,
} from '@refract/schema-model';
import type { FileType } from '../ndf.format.js';

/** Where a relation's pairs live: a link table, or an id column in one side's table. */
export type PairStore =
  | { readonly kind: 'table'; readonly table: string; readonly aColumn: string; readonly bColumn: string; readonly idColumn: string | null }
  | { readonly kind: 'inline'; readonly holder: RelationSide; readonly table: string; readonly idColumn: string; readonly column: string };

export interface RelationEnd {
  readonly model: Model;
  /** The visible relation field on this side; null for a hidden back-relation side (spec §3.3). */
  readonly fieldName: string | null;
}

export type ExportSource =
  | { readonly kind: 'nodes'; readonly model: Model }
  | { readonly kind: 'lists'; readonly model: Model; readonly field: ScalarField }
  | { readonly kind: 'relations'; readonly relation: Relation; readonly a: RelationEnd; readonly b: RelationEnd; readonly store: PairStore };

function relationEnd(schema: SchemaModel, relation: Relation, side: RelationSide): RelationEnd {
  const model = getModel(schema, side === 'A' ? relation.modelA : relation.modelB);
  const field = relationFields(model).find((f) => f.relationName === relation.name && f.relationSide === side && !f.isHidden);
  return { model, fieldName: field?.name ?? null };
}

/** Where the pairs of a relation are stored (spec §3.4, §4.5, §4.6). */
export function pairStore(schema: SchemaModel, relation: Relation): PairStore {
  const m = relation.manifestation;
  if (m.kind === 'table') return { kind: 'table', table: m.table, aColumn: m.modelAColumn, bColumn: m.modelBColumn, idColumn: m.idColumn };
  // A self relation whose holding side cannot be told is read and written as side A: export and
  // import agree on it, so the column's ids round-trip unchanged.
  const holder = inlineHolderSide(schema, relation) ?? 'A';
  const model = getModel(schema, m.inTableOfModel);
  return { kind: 'inline', holder, table: tableName(model), idColumn: columnName(idField(model)), column: m.referencingColumn };
}

export function exportSources(schema: SchemaModel, fileType: FileType): ExportSource[] {
  switch (fileType) {
    case 'nodes':
      return schema.models.map((model) => ({ kind: 'nodes', model }));
    case 'lists':
      return schema.models.flatMap((model) => scalarFields(model).filter((f) => f.isList).map((field) => ({ kind: 'lists' as const, model, field })));
    case 'relations':
      return schema.relations.map((relation) => ({
        kind: 'relations',
        relation,
        a: relationEnd(schema, relation, 'A'),
        b: relationEnd(schema, relation, 'B'),
        store: pairStore(schema, relation),
      }));
  }
}
