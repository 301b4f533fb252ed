// Create inputs (spec §6.7): `XCreateInput`, and for nested creates `XCreateWithout<G>Input`
// (the same minus the field `G` that points back at the parent, which the parent sets itself),
// plus the relation wrappers `XCreateOne…`/`XCreateMany…` offering `create` and `connect`.
// Field order as the server's (InputTypesBuilder: non-list scalars ++ scalar lists ++ relations),
// which is not always datamodel order.
import type { Model, RelationField, ScalarField } from '@refract/schema-model';
import {
  createInputName,
  createRelationInputName,
  createWithoutInputName,
  scalarListCreateInputName,
} from '../inflection/api-names.inflection.js';
import {
  backFieldName,
  createInputRequirement,
  relatedModel,
  visibleRelationFields,
  visibleScalarListFields,
  visibleScalarNonListFields,
} from './api-model.queries.js';
import type { BuildContext } from './build.context.js';
import { whereUniqueInput } from './filter.inputs.js';
import type { InputFieldSpec } from './input.registry.js';

/** `{ set: [T!] }`, the only operation on a scalar list (create and update alike). */
export function scalarListSetInput(ctx: BuildContext, name: string, field: ScalarField): string {
  return ctx.inputs.define(name, () => [{ name: 'set', wrap: 'list', target: { leaf: ctx.leafType(field) } }]);
}

/**
 * The create input of `model`; `without` names the field left out because the parent of a nested
 * create sets it (null: top level, or a nested create through a one-sided relation).
 */
export function createInput(ctx: BuildContext, model: Model, without: string | null): string {
  const name = without === null ? createInputName(model.name) : createWithoutInputName(model.name, without);
  return ctx.inputs.define(name, () => [
    ...visibleScalarNonListFields(model).flatMap((field): InputFieldSpec[] => {
      const requirement = createInputRequirement(ctx.schema, field);
      if (requirement === 'omit') return [];
      return [{ name: field.name, wrap: requirement, target: { leaf: ctx.leafType(field) } }];
    }),
    ...visibleScalarListFields(model).map((field): InputFieldSpec => {
      const input = scalarListSetInput(ctx, scalarListCreateInputName(model.name, field.name), field);
      return { name: field.name, wrap: 'optional', target: { input } };
    }),
    ...visibleRelationFields(model)
      .filter((field) => field.name !== without)
      .map((field) => nestedCreateField(ctx, field)),
  ]);
}

/** A relation field of a create input: required when the relation field is a required to-one. */
function nestedCreateField(ctx: BuildContext, field: RelationField): InputFieldSpec {
  const target = relatedModel(ctx.schema, field);
  const back = backFieldName(ctx.schema, field);
  const name = createRelationInputName(target.name, field.isList ? 'Many' : 'One', back);
  const input = ctx.inputs.define(name, () => {
    const wrap = field.isList ? 'list' : 'optional';
    return [
      { name: 'create', wrap, target: { input: createInput(ctx, target, back) } },
      { name: 'connect', wrap, target: { input: whereUniqueInput(ctx, target) } },
    ];
  });
  return { name: field.name, wrap: !field.isList && field.isRequired ? 'required' : 'optional', target: { input } };
}
