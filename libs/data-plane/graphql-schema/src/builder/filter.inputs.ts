// Filter inputs (spec §6.5): XWhereInput, XScalarWhereInput (nested updateMany/deleteMany),
// XWhereUniqueInput and XSubscriptionWhereInput, with the server's field order and descriptions.
import { GraphQLString } from 'graphql';
import type { Model, ScalarField, ScalarTypeIdentifier } from '@refract/schema-model';
import {
  SCALAR_FILTER_SUFFIXES,
  TO_MANY_FILTER_SUFFIXES,
  filterFieldName,
  scalarWhereInputName,
  subscriptionWhereInputName,
  whereInputName,
  whereUniqueInputName,
} from '../inflection/api-names.inflection.js';
import { relatedModel, visibleRelationFields, visibleScalarNonListFields } from './api-model.queries.js';
import type { BuildContext } from './build.context.js';
import type { InputFieldSpec } from './input.registry.js';
import { mutationTypeEnum } from './fixed.types.js';

type FilterGroup = keyof typeof SCALAR_FILTER_SUFFIXES;

/** Which filters a scalar type gets (Prisma's FilterArguments): UUIDs compare like enums, Json not at all. */
const FILTER_GROUPS: Record<ScalarTypeIdentifier, readonly FilterGroup[]> = {
  Cuid: ['base', 'inclusion', 'alphanumeric', 'string'],
  String: ['base', 'inclusion', 'alphanumeric', 'string'],
  Int: ['base', 'inclusion', 'alphanumeric'],
  Float: ['base', 'inclusion', 'alphanumeric'],
  DateTime: ['base', 'inclusion', 'alphanumeric'],
  UUID: ['base', 'inclusion'],
  Enum: ['base', 'inclusion'],
  Boolean: ['base'],
  Json: [],
};

const SUFFIX_DESCRIPTIONS: Record<string, string | undefined> = {
  _not: 'All values that are not equal to given value.',
  _in: 'All values that are contained in given list.',
  _not_in: 'All values that are not contained in given list.',
  _lt: 'All values less than the given value.',
  _lte: 'All values less than or equal the given value.',
  _gt: 'All values greater than the given value.',
  _gte: 'All values greater than or equal the given value.',
  _contains: 'All values containing the given string.',
  _not_contains: 'All values not containing the given string.',
  _starts_with: 'All values starting with the given string.',
  _not_starts_with: 'All values not starting with the given string.',
  _ends_with: 'All values ending with the given string.',
  _not_ends_with: 'All values not ending with the given string.',
};

function logicalOperators(self: string): InputFieldSpec[] {
  return [
    { name: 'AND', wrap: 'list', target: { input: self }, description: 'Logical AND on all given filters.' },
    { name: 'OR', wrap: 'list', target: { input: self }, description: 'Logical OR on all given filters.' },
    { name: 'NOT', wrap: 'list', target: { input: self }, description: 'Logical NOT on all given filters combined by AND.' },
  ];
}

function scalarFilters(ctx: BuildContext, field: ScalarField): InputFieldSpec[] {
  const leaf = ctx.leafType(field);
  return FILTER_GROUPS[field.type].flatMap((group) =>
    SCALAR_FILTER_SUFFIXES[group].map((suffix): InputFieldSpec => {
      const description = SUFFIX_DESCRIPTIONS[suffix];
      return {
        name: filterFieldName(field.name, suffix),
        wrap: group === 'inclusion' ? 'list' : 'optional',
        target: { leaf },
        ...(description ? { description } : {}),
      };
    }),
  );
}

/** `XWhereInput`: logical operators, then scalar filters, then relation filters (no descriptions). */
export function whereInput(ctx: BuildContext, model: Model): string {
  const name = whereInputName(model.name);
  return ctx.inputs.define(name, () => [
    ...logicalOperators(name),
    ...visibleScalarNonListFields(model).flatMap((field) => scalarFilters(ctx, field)),
    ...visibleRelationFields(model).flatMap((field): InputFieldSpec[] => {
      const target = { input: whereInput(ctx, relatedModel(ctx.schema, field)) };
      const suffixes = field.isList ? TO_MANY_FILTER_SUFFIXES : [''];
      return suffixes.map((suffix) => ({ name: filterFieldName(field.name, suffix), wrap: 'optional', target }));
    }),
  ]);
}

/** `XScalarWhereInput`: the scalar part of the where input, for nested updateMany/deleteMany. */
export function scalarWhereInput(ctx: BuildContext, model: Model): string {
  const name = scalarWhereInputName(model.name);
  return ctx.inputs.define(name, () => [
    ...logicalOperators(name),
    ...visibleScalarNonListFields(model).flatMap((field) => scalarFilters(ctx, field)),
  ]);
}

/** `XWhereUniqueInput`: every unique field, all optional (the id is always one of them). */
export function whereUniqueInput(ctx: BuildContext, model: Model): string {
  return ctx.inputs.define(whereUniqueInputName(model.name), () =>
    visibleScalarNonListFields(model)
      .filter((field) => field.isUnique)
      .map((field) => ({ name: field.name, wrap: 'optional', target: { leaf: ctx.leafType(field) } })),
  );
}

export function subscriptionWhereInput(ctx: BuildContext, model: Model): string {
  const name = subscriptionWhereInputName(model.name);
  const text = { leaf: GraphQLString };
  return ctx.inputs.define(name, () => [
    ...logicalOperators(name),
    {
      name: 'mutation_in',
      wrap: 'list',
      target: { leaf: mutationTypeEnum(ctx) },
      description: "The subscription event gets dispatched when it's listed in mutation_in",
    },
    {
      name: 'updatedFields_contains',
      wrap: 'optional',
      target: text,
      description:
        'The subscription event gets only dispatched when one of the updated fields names is included in this list',
    },
    {
      name: 'updatedFields_contains_every',
      wrap: 'list',
      target: text,
      description:
        'The subscription event gets only dispatched when all of the field names included in this list have been updated',
    },
    {
      name: 'updatedFields_contains_some',
      wrap: 'list',
      target: text,
      description:
        'The subscription event gets only dispatched when some of the field names included in this list have been updated',
    },
    { name: 'node', wrap: 'optional', target: { input: whereInput(ctx, model) } },
  ]);
}
