// Lookups over a SchemaModel that every stage needs; kept here so each stage reads the model the
// same way (e.g. a table name is always `dbName ?? name`).
import type { Enum, Field, Model, Relation, RelationField, RelationSide, ScalarField, SchemaModel } from './schema.model.js';

export function findModel(schema: SchemaModel, name: string): Model | undefined {
  return schema.models.find((m) => m.name === name);
}

export function getModel(schema: SchemaModel, name: string): Model {
  const model = findModel(schema, name);
  if (!model) throw new Error(`The schema has no model \`${name}\`.`);
  return model;
}

export function findRelation(schema: SchemaModel, name: string): Relation | undefined {
  return schema.relations.find((r) => r.name === name);
}

export function getRelation(schema: SchemaModel, name: string): Relation {
  const relation = findRelation(schema, name);
  if (!relation) throw new Error(`The schema has no relation \`${name}\`.`);
  return relation;
}

export function findEnum(schema: SchemaModel, name: string): Enum | undefined {
  return schema.enums.find((e) => e.name === name);
}

export function findField(model: Model, name: string): Field | undefined {
  return model.fields.find((f) => f.name === name);
}

/** The table that stores the model's nodes. */
export function tableName(model: Model): string {
  return model.dbName ?? model.name;
}

/** The column of a scalar field. */
export function columnName(field: ScalarField): string {
  return field.dbName ?? field.name;
}

const scalarFieldsOf = new WeakMap<Model, readonly ScalarField[]>();

/** The model's scalar fields (computed once per model object: models are immutable). */
export function scalarFields(model: Model): readonly ScalarField[] {
  let fields = scalarFieldsOf.get(model);
  if (!fields) {
    fields = model.fields.filter((f): f is ScalarField => f.kind === 'scalar');
    scalarFieldsOf.set(model, fields);
  }
  return fields;
}

export function relationFields(model: Model): RelationField[] {
  return model.fields.filter((f): f is RelationField => f.kind === 'relation');
}

export function idField(model: Model): ScalarField {
  const id = scalarFields(model).find((f) => f.isId);
  if (!id) throw new Error(`The model \`${model.name}\` has no id field.`);
  return id;
}

/** The field on the other side of a relation field (possibly a hidden back-relation field). */
export function relatedField(schema: SchemaModel, field: RelationField): RelationField {
  const other = getModel(schema, field.relatedModel);
  const back = relationFields(other).find(
    (f) => f.relationName === field.relationName && f.relationSide !== field.relationSide,
  );
  if (!back) throw new Error(`The relation \`${field.relationName}\` has no field on its other side.`);
  return back;
}

export function isSelfRelation(relation: Relation): boolean {
  return relation.modelA === relation.modelB;
}

/**
 * Which side's field holds an inline column. For a relation between two models the table says it;
 * for a self relation both fields live in that table, so the column is matched to a field by name
 * (a `@db` column name is not in the schema model, so the lone to-one field, or the lone visible
 * field, is taken as the holder: an inline column always sits behind a to-one field).
 * Null when it cannot be told: the caller then re-creates the column rather than keep ids whose
 * meaning may have flipped.
 */
export function inlineHolderSide(schema: SchemaModel, relation: Relation): RelationSide | null {
  const m = relation.manifestation;
  if (m.kind !== 'inline') return null;
  if (!isSelfRelation(relation)) return m.inTableOfModel === relation.modelA ? 'A' : 'B';
  const model = schema.models.find((candidate) => candidate.name === m.inTableOfModel);
  const fields = model ? relationFields(model).filter((f) => f.relationName === relation.name && !f.isHidden) : [];
  const toOne = fields.filter((f) => !f.isList);
  const holder =
    fields.find((f) => f.name === m.referencingColumn) ?? (toOne.length === 1 ? toOne[0] : undefined) ?? (fields.length === 1 ? fields[0] : undefined);
  return holder?.relationSide ?? null;
}

/** The table of a scalar list field (spec §4.4): `<model table>_<field column>`. */
export function scalarListTableName(table: string, column: string): string {
  return `${table}_${column}`;
}
