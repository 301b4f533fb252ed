// Lookups over a SchemaModel that every stage needs; kept here so each stage reads the model the
// same way (e.g. a table name is always `dbName ?? name`).
import type { Enum, Field, Model, Relation, RelationField, ScalarField, SchemaModel } from './schema.model.js';

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

export function scalarFields(model: Model): ScalarField[] {
  return model.fields.filter((f): f is ScalarField => f.kind === 'scalar');
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
