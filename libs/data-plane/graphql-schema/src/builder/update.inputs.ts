// Update inputs (spec §6.8): `XUpdateInput`, the nested data inputs `XUpdateWithout<G>DataInput` /
// `XUpdateDataInput`, the scalar-only `XUpdateManyMutationInput` / `XUpdateManyDataInput`, and the
// relation inputs `XUpdate{Many,One,OneRequired}[Without<G>]Input` with their operations in the
// server's order. Every field is optional: leaving one out means "unchanged".
import { GraphQLBoolean } from 'graphql';
import type { Model, RelationField } from '@refract/schema-model';
import {
  scalarListUpdateInputName,
  updateDataInputName,
  updateInputName,
  updateManyDataInputName,
  updateManyMutationInputName,
  updateManyWithWhereNestedInputName,
  updateRelationInputName,
  updateWithWhereUniqueInputName,
  upsertNestedInputName,
  upsertWithWhereUniqueInputName,
  type UpdateArity,
} from '../inflection/api-names.inflection.js';
import {
  backFieldName,
  isUpdatable,
  relatedModel,
  visibleRelationFields,
  visibleScalarListFields,
  visibleScalarNonListFields,
} from './api-model.queries.js';
import type { BuildContext } from './build.context.js';
import { createInput, scalarListSetInput } from './create.inputs.js';
import { scalarWhereInput, whereUniqueInput } from './filter.inputs.js';
import type { InputFieldSpec } from './input.registry.js';

/** The scalar and scalar-list part of an update (all that updateMany can change). */
function scalarUpdateFields(ctx: BuildContext, model: Model): InputFieldSpec[] {
  return [
    ...visibleScalarNonListFields(model)
      .filter(isUpdatable)
      .map((field): InputFieldSpec => ({ name: field.name, wrap: 'optional', target: { leaf: ctx.leafType(field) } })),
    ...visibleScalarListFields(model).map((field): InputFieldSpec => {
      const input = scalarListSetInput(ctx, scalarListUpdateInputName(model.name, field.name), field);
      return { name: field.name, wrap: 'optional', target: { input } };
    }),
  ];
}

/** `XUpdateInput` (without = null) or the nested data input used under the relation field `without`. */
function updateFields(ctx: BuildContext, model: Model, without: string | null): InputFieldSpec[] {
  return [
    ...scalarUpdateFields(ctx, model),
    ...visibleRelationFields(model)
      .filter((field) => field.name !== without)
      .map((field): InputFieldSpec => ({ name: field.name, wrap: 'optional', target: { input: nestedUpdateInput(ctx, field) } })),
  ];
}

export function updateInput(ctx: BuildContext, model: Model): string {
  return ctx.inputs.define(updateInputName(model.name), () => updateFields(ctx, model, null));
}

export function updateManyMutationInput(ctx: BuildContext, model: Model): string {
  return ctx.inputs.define(updateManyMutationInputName(model.name), () => scalarUpdateFields(ctx, model));
}

function updateDataInput(ctx: BuildContext, model: Model, back: string | null): string {
  return ctx.inputs.define(updateDataInputName(model.name, back), () => updateFields(ctx, model, back));
}

/** The input of a relation field inside an update: what can be done to the related node(s). */
function nestedUpdateInput(ctx: BuildContext, field: RelationField): string {
  const target = relatedModel(ctx.schema, field);
  const back = backFieldName(ctx.schema, field);
  const arity: UpdateArity = field.isList ? 'Many' : field.isRequired ? 'OneRequired' : 'One';
  return ctx.inputs.define(updateRelationInputName(target.name, arity, back), () => {
    const create = { input: createInput(ctx, target, back) };
    const unique = { input: whereUniqueInput(ctx, target) };
    const data = { input: updateDataInput(ctx, target, back) };
    if (arity === 'Many') return toManyOperations(ctx, target, back, create, unique, data);
    const upsert = ctx.inputs.define(upsertNestedInputName(target.name, back), () => [
      { name: 'update', wrap: 'required', target: data },
      { name: 'create', wrap: 'required', target: create },
    ]);
    // A required to-one relation can be neither disconnected nor deleted from this side.
    const removals: InputFieldSpec[] =
      arity === 'One'
        ? [
            { name: 'disconnect', wrap: 'optional', target: { leaf: GraphQLBoolean } },
            { name: 'delete', wrap: 'optional', target: { leaf: GraphQLBoolean } },
          ]
        : [];
    return [
      { name: 'create', wrap: 'optional', target: create },
      { name: 'connect', wrap: 'optional', target: unique },
      ...removals,
      { name: 'update', wrap: 'optional', target: data },
      { name: 'upsert', wrap: 'optional', target: { input: upsert } },
    ];
  });
}

type Target = { readonly input: string };

function toManyOperations(
  ctx: BuildContext,
  target: Model,
  back: string | null,
  create: Target,
  unique: Target,
  data: Target,
): InputFieldSpec[] {
  const update = ctx.inputs.define(updateWithWhereUniqueInputName(target.name, back), () => [
    { name: 'where', wrap: 'required', target: unique },
    { name: 'data', wrap: 'required', target: data },
  ]);
  const updateMany = ctx.inputs.define(updateManyWithWhereNestedInputName(target.name), () => [
    { name: 'where', wrap: 'required', target: { input: scalarWhereInput(ctx, target) } },
    {
      name: 'data',
      wrap: 'required',
      target: { input: ctx.inputs.define(updateManyDataInputName(target.name), () => scalarUpdateFields(ctx, target)) },
    },
  ]);
  const upsert = ctx.inputs.define(upsertWithWhereUniqueInputName(target.name, back), () => [
    { name: 'where', wrap: 'required', target: unique },
    { name: 'update', wrap: 'required', target: data },
    { name: 'create', wrap: 'required', target: create },
  ]);
  return [
    { name: 'create', wrap: 'list', target: create },
    { name: 'connect', wrap: 'list', target: unique },
    { name: 'set', wrap: 'list', target: unique },
    { name: 'disconnect', wrap: 'list', target: unique },
    { name: 'delete', wrap: 'list', target: unique },
    { name: 'update', wrap: 'list', target: { input: update } },
    { name: 'updateMany', wrap: 'list', target: { input: updateMany } },
    { name: 'deleteMany', wrap: 'list', target: { input: scalarWhereInput(ctx, target) } },
    { name: 'upsert', wrap: 'list', target: { input: upsert } },
  ];
}
