// The arguments of list queries, connection queries and to-many relation fields (spec §6.2, §6.3),
// and the order-by enum they use (spec §6.6).
import { GraphQLEnumType, GraphQLInt, GraphQLString, type GraphQLFieldConfigArgumentMap } from 'graphql';
import type { Model } from '@refract/schema-model';
import { orderByEnumName, orderByValueName } from '../inflection/api-names.inflection.js';
import { visibleScalarNonListFields } from './api-model.queries.js';
import type { BuildContext } from './build.context.js';
import { whereInput } from './filter.inputs.js';
import type { InputFieldSpec } from './input.registry.js';

/**
 * `XOrderByInput`: `f_ASC`/`f_DESC` for every scalar non-list field in model order (Json and
 * Boolean included); each value is its own name. Undefined for a model without such fields,
 * which only a 1.0 model without a declared id could be (GraphQL has no empty enums).
 */
export function orderByEnum(ctx: BuildContext, model: Model): GraphQLEnumType | undefined {
  const fields = visibleScalarNonListFields(model);
  if (fields.length === 0) return undefined;
  const name = orderByEnumName(model.name);
  return ctx.named(name, () => {
    const values = fields.flatMap((f) => [orderByValueName(f.name, 'ASC'), orderByValueName(f.name, 'DESC')]);
    return new GraphQLEnumType({ name, values: Object.fromEntries(values.map((v) => [v, { value: v }])) });
  });
}

/** `where, orderBy, skip, after, before, first, last`, in this order. */
export function listArgumentSpecs(ctx: BuildContext, model: Model): InputFieldSpec[] {
  const orderBy = orderByEnum(ctx, model);
  return [
    { name: 'where', wrap: 'optional', target: { input: whereInput(ctx, model) } },
    ...(orderBy ? [{ name: 'orderBy', wrap: 'optional', target: { leaf: orderBy } } as const] : []),
    { name: 'skip', wrap: 'optional', target: { leaf: GraphQLInt } },
    { name: 'after', wrap: 'optional', target: { leaf: GraphQLString } },
    { name: 'before', wrap: 'optional', target: { leaf: GraphQLString } },
    { name: 'first', wrap: 'optional', target: { leaf: GraphQLInt } },
    { name: 'last', wrap: 'optional', target: { leaf: GraphQLInt } },
  ];
}

/**
 * graphql-js arguments for `specs` once input types were pruned, or null when a required
 * argument's type was pruned (the field cannot be offered); optional ones are just left out.
 */
export function argumentMap(ctx: BuildContext, specs: readonly InputFieldSpec[]): GraphQLFieldConfigArgumentMap | null {
  const args: GraphQLFieldConfigArgumentMap = {};
  for (const { name, description, ...spec } of specs) {
    const type = ctx.inputs.argumentType(spec);
    if (type) args[name] = { type, ...(description ? { description } : {}) };
    else if (spec.wrap === 'required') return null;
  }
  return args;
}
