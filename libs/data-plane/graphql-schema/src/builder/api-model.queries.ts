// How the API sees the schema model (spec §6): hidden fields (1.0 system fields the datamodel does
// not declare, `_MagicalBackRelation_*` fields) do not exist for it, and which fields can be
// written on create and update follows Prisma's InputTypesBuilder.
import {
  getModel,
  relatedField,
  type Model,
  type RelationField,
  type ScalarField,
  type SchemaModel,
} from '@refract/schema-model';

export function visibleScalarFields(model: Model): ScalarField[] {
  return model.fields.filter((f): f is ScalarField => f.kind === 'scalar' && !f.isHidden);
}

/** Scalar and enum fields that are not lists: the ones that can be filtered and ordered by. */
export function visibleScalarNonListFields(model: Model): ScalarField[] {
  return visibleScalarFields(model).filter((f) => !f.isList);
}

export function visibleScalarListFields(model: Model): ScalarField[] {
  return visibleScalarFields(model).filter((f) => f.isList);
}

export function visibleRelationFields(model: Model): RelationField[] {
  return model.fields.filter((f): f is RelationField => f.kind === 'relation' && !f.isHidden);
}

export function relatedModel(schema: SchemaModel, field: RelationField): Model {
  return getModel(schema, field.relatedModel);
}

/**
 * The name of the field on the other side of `field`, or null when that side is hidden (a
 * one-sided relation). It decides the `Without<G>` part of nested input names (spec §3.3, §6.7).
 */
export function backFieldName(schema: SchemaModel, field: RelationField): string | null {
  const back = relatedField(schema, field);
  return back.isHidden ? null : back.name;
}

function isTimestamp(field: ScalarField): boolean {
  return field.behaviour?.kind === 'createdAt' || field.behaviour?.kind === 'updatedAt';
}

/** Set by the server, never by a client: ids, `@createdAt` and `@updatedAt` (spec §6.8). */
export function isUpdatable(field: ScalarField): boolean {
  return !field.isId && !isTimestamp(field);
}

export type CreateInputRequirement = 'omit' | 'optional' | 'required';

/**
 * Whether and how a scalar field appears in create inputs (spec §6.7): timestamps never; ids of
 * type ID/UUID optional (AUTO) or required (NONE); Int ids never, whatever the strategy; 1.0 ids
 * never (Appendix A: the server generates them, they are read-only). Other fields are required
 * when the model requires them and there is no default.
 */
export function createInputRequirement(schema: SchemaModel, field: ScalarField): CreateInputRequirement {
  if (isTimestamp(field)) return 'omit';
  if (field.isId) {
    if (schema.datamodelFormat === '1.0' || field.type === 'Int') return 'omit';
    const strategy = field.behaviour?.kind === 'id' ? field.behaviour.strategy : 'AUTO';
    return strategy === 'NONE' ? 'required' : 'optional';
  }
  return field.isRequired && !field.isList && field.defaultValue === null ? 'required' : 'optional';
}

/**
 * Models whose id is a field named `id` of type ID implement `Node` (spec §6.3); UUID and Int ids
 * do not. Prisma also admits a String id, which the datamodel validation never lets through and
 * which could not implement `Node.id: ID!` in graphql-js.
 */
export function implementsNode(model: Model): boolean {
  return visibleScalarFields(model).some((f) => f.isId && f.name === 'id' && f.type === 'Cuid');
}
