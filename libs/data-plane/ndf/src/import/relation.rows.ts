// Relation elements → (A id, B id) pairs, grouped per relation (spec §14.2): a pair is two sides
// `{_typeName, id, fieldName?}`; the first side with a `fieldName` names the relation field, whose
// relation side says which id is A. A pair without any field name, or naming a field that is not a
// relation field of its model, or whose other side is not the related model, fails the request.
import { findField, getRelation, type Relation, type RelationField, type SchemaModel } from '@refract/schema-model';
import { NdfError, describeJson } from '../ndf.errors.js';
import { isJsonObject, modelNamed } from './element.identity.js';

export interface Pair {
  readonly a: string;
  readonly b: string;
}

export interface RelationPairs {
  readonly relation: Relation;
  readonly pairs: Pair[];
}

interface Side {
  readonly typeName: unknown;
  readonly id: string;
  readonly fieldName: string | null;
}

function side(value: unknown, element: unknown): Side {
  if (!isJsonObject(value)) throw new NdfError(`Each side of the relation ${describeJson(element)} must be an object {_typeName, id, fieldName}.`);
  const { _typeName, id, fieldName = null } = value;
  if (typeof id !== 'string') throw new NdfError(`Each side of the relation ${describeJson(element)} needs an id string.`);
  if (fieldName !== null && typeof fieldName !== 'string') throw new NdfError(`The fieldName of a side of the relation ${describeJson(element)} must be a string.`);
  return { typeName: _typeName, id, fieldName };
}

function relationField(schema: SchemaModel, from: Side, element: unknown): RelationField {
  const model = modelNamed(schema, from.typeName, element);
  const field = findField(model, from.fieldName!);
  if (field?.kind !== 'relation' || field.isHidden) {
    throw new NdfError(`The relation ${describeJson(element)} names '${from.fieldName}', which is not a relation field of ${model.name}.`);
  }
  return field;
}

export function relationPairs(schema: SchemaModel, elements: readonly unknown[]): RelationPairs[] {
  const byRelation = new Map<string, RelationPairs>();
  for (const element of elements) {
    if (!Array.isArray(element) || element.length !== 2) throw new NdfError(`Every relation must be an array of two sides, not ${describeJson(element)}.`);
    const left = side(element[0], element);
    const right = side(element[1], element);
    const [from, to] = left.fieldName !== null ? [left, right] : right.fieldName !== null ? [right, left] : [null, null];
    if (from === null || to === null) throw new NdfError(`The relation ${describeJson(element)} needs a fieldName on at least one side.`);
    const field = relationField(schema, from, element);
    const other = modelNamed(schema, to.typeName, element);
    if (other.name !== field.relatedModel) {
      throw new NdfError(`The relation ${describeJson(element)} connects ${field.name} to a ${other.name}, but that field relates to ${field.relatedModel}.`);
    }
    let group = byRelation.get(field.relationName);
    if (!group) {
      group = { relation: getRelation(schema, field.relationName), pairs: [] };
      byRelation.set(field.relationName, group);
    }
    group.pairs.push(field.relationSide === 'A' ? { a: from.id, b: to.id } : { a: to.id, b: from.id });
  }
  return [...byRelation.values()];
}
