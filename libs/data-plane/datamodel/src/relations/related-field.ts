// Pairs a relation field with the field on the other model that forms the same relation, the way
// both the validator and the inferrer must agree on (spec §2.5).
import type { DatamodelDocument, DocField, DocType } from '../document/document.model.js';
import { findType, isRelationField, relationName } from '../document/document.queries.js';

/** The relation fields of `type` (fields whose type is a model). */
export function relationFieldsOf(doc: DatamodelDocument, type: DocType): DocField[] {
  return type.fields.filter((f) => isRelationField(doc, f));
}

/**
 * The back field of `field` (declared on `type`): on the related model, the relation field pointing
 * back at `type` with the same relation name; for unnamed fields, the one unnamed field pointing
 * back. Undefined for one-sided relations and for ambiguous ones (which validation reports).
 */
export function relatedDocField(doc: DatamodelDocument, type: DocType, field: DocField): DocField | undefined {
  const other = findType(doc, field.typeName);
  if (!other) return undefined;
  const candidates = relationFieldsOf(doc, other).filter((f) => f.typeName === type.name && f !== field);
  const name = relationName(field);
  if (name !== undefined) return candidates.find((f) => relationName(f) === name);
  const unnamed = candidates.filter((f) => relationName(f) === undefined);
  return unnamed.length === 1 ? unnamed[0] : undefined;
}
