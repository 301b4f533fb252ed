// The fields of Query, Mutation and Subscription (spec §6.2), in the server's order: per kind of
// operation, all models (list queries of all models, then single queries, …). A root field is
// planned before input types are pruned and materialised after: a field whose required argument
// type was pruned disappears (`updateX` when nothing of X is updatable), except `createX`, which
// Prisma keeps without arguments.
import {
  GraphQLEnumType,
  GraphQLID,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
  type GraphQLFieldConfig,
  type GraphQLOutputType,
} from 'graphql';
import type { Model } from '@refract/schema-model';
import { rootFieldExtensions, type RootOperation } from '../annotations/refract.extensions.js';
import {
  EXECUTE_RAW_MUTATION,
  NODE_QUERY,
  PRISMA_DATABASE_ENUM,
  connectionQueryName,
  createMutationName,
  deleteManyMutationName,
  deleteMutationName,
  listQueryName,
  singleQueryName,
  subscriptionFieldName,
  updateManyMutationName,
  updateMutationName,
  upsertMutationName,
} from '../inflection/api-names.inflection.js';
import { GraphQLJson } from '../scalars/json.scalar.js';
import type { BuildContext } from './build.context.js';
import { createInput } from './create.inputs.js';
import { subscriptionWhereInput, whereInput, whereUniqueInput } from './filter.inputs.js';
import { batchPayloadType, nodeInterface } from './fixed.types.js';
import type { InputFieldSpec } from './input.registry.js';
import { argumentMap, listArgumentSpecs } from './list.arguments.js';
import { connectionType, modelType, subscriptionPayloadType } from './output.types.js';
import { updateInput, updateManyMutationInput } from './update.inputs.js';

export interface RootFieldPlan {
  readonly name: string;
  readonly operation: RootOperation;
  readonly model: string | null;
  readonly args: readonly InputFieldSpec[];
  readonly type: () => GraphQLOutputType;
  readonly description?: string;
  /** Keep the field, without arguments, when a required argument type was pruned (`createX`). */
  readonly keepWithoutArgs?: boolean;
}

export type RootFields = Record<string, GraphQLFieldConfig<unknown, unknown>>;

const nonNull = (type: () => GraphQLOutputType) => () => new GraphQLNonNull(type());

function uniqueWhere(ctx: BuildContext, model: Model): InputFieldSpec {
  return { name: 'where', wrap: 'required', target: { input: whereUniqueInput(ctx, model) } };
}

export function planQuery(ctx: BuildContext): RootFieldPlan[] {
  const models = ctx.schema.models;
  const type = (model: Model) => () => modelType(ctx, model);
  return [
    ...models.map((model): RootFieldPlan => ({
      name: listQueryName(model.name),
      operation: 'findMany',
      model: model.name,
      args: listArgumentSpecs(ctx, model),
      // `[X]!`: items are nullable in the server's schema.
      type: () => new GraphQLNonNull(new GraphQLList(modelType(ctx, model))),
    })),
    ...models.map((model): RootFieldPlan => ({
      name: singleQueryName(model.name),
      operation: 'findUnique',
      model: model.name,
      args: [uniqueWhere(ctx, model)],
      type: type(model),
    })),
    ...models.map((model): RootFieldPlan => ({
      name: connectionQueryName(model.name),
      operation: 'connection',
      model: model.name,
      args: listArgumentSpecs(ctx, model),
      type: nonNull(() => connectionType(ctx, model)),
    })),
    {
      name: NODE_QUERY,
      operation: 'node',
      model: null,
      args: [{ name: 'id', wrap: 'required', target: { leaf: GraphQLID }, description: 'The ID of an object' }],
      type: () => nodeInterface(ctx),
      description: 'Fetches an object given its ID',
    },
  ];
}

export function planMutation(ctx: BuildContext, options: { readonly rawAccess: boolean }): RootFieldPlan[] {
  const models = ctx.schema.models;
  const type = (model: Model) => () => modelType(ctx, model);
  const batch = nonNull(() => batchPayloadType(ctx));
  return [
    ...models.map((model): RootFieldPlan => ({
      name: createMutationName(model.name),
      operation: 'create',
      model: model.name,
      args: [{ name: 'data', wrap: 'required', target: { input: createInput(ctx, model, null) } }],
      type: nonNull(type(model)),
      keepWithoutArgs: true,
    })),
    ...models.map((model): RootFieldPlan => ({
      name: updateMutationName(model.name),
      operation: 'update',
      model: model.name,
      args: [{ name: 'data', wrap: 'required', target: { input: updateInput(ctx, model) } }, uniqueWhere(ctx, model)],
      type: type(model),
    })),
    ...models.map((model): RootFieldPlan => ({
      name: deleteMutationName(model.name),
      operation: 'delete',
      model: model.name,
      args: [uniqueWhere(ctx, model)],
      type: type(model),
    })),
    ...models.map((model): RootFieldPlan => ({
      name: upsertMutationName(model.name),
      operation: 'upsert',
      model: model.name,
      args: [
        uniqueWhere(ctx, model),
        { name: 'create', wrap: 'required', target: { input: createInput(ctx, model, null) } },
        { name: 'update', wrap: 'required', target: { input: updateInput(ctx, model) } },
      ],
      type: nonNull(type(model)),
    })),
    ...models.map((model): RootFieldPlan => ({
      name: updateManyMutationName(model.name),
      operation: 'updateMany',
      model: model.name,
      args: [
        { name: 'data', wrap: 'required', target: { input: updateManyMutationInput(ctx, model) } },
        { name: 'where', wrap: 'optional', target: { input: whereInput(ctx, model) } },
      ],
      type: batch,
    })),
    ...models.map((model): RootFieldPlan => ({
      name: deleteManyMutationName(model.name),
      operation: 'deleteMany',
      model: model.name,
      args: [{ name: 'where', wrap: 'optional', target: { input: whereInput(ctx, model) } }],
      type: batch,
    })),
    ...(options.rawAccess ? [executeRawPlan(ctx)] : []),
  ];
}

/** Spec §15: only with `rawAccess: true`; the enum lists the database configurations (one here). */
function executeRawPlan(ctx: BuildContext): RootFieldPlan {
  const databases = ctx.named(
    PRISMA_DATABASE_ENUM,
    () => new GraphQLEnumType({ name: PRISMA_DATABASE_ENUM, values: { default: { value: 'default' } } }),
  );
  return {
    name: EXECUTE_RAW_MUTATION,
    operation: 'executeRaw',
    model: null,
    args: [
      { name: 'database', wrap: 'optional', target: { leaf: databases } },
      { name: 'query', wrap: 'required', target: { leaf: GraphQLString } },
    ],
    type: nonNull(() => GraphQLJson),
  };
}

export function planSubscription(ctx: BuildContext): RootFieldPlan[] {
  return ctx.schema.models.map((model) => ({
    name: subscriptionFieldName(model.name),
    operation: 'subscribe',
    model: model.name,
    args: [{ name: 'where', wrap: 'optional', target: { input: subscriptionWhereInput(ctx, model) } }],
    type: () => subscriptionPayloadType(ctx, model),
  }));
}

/** The graphql-js fields of planned root fields, once the input types were pruned. */
export function materialize(ctx: BuildContext, plans: readonly RootFieldPlan[]): RootFields {
  const fields: RootFields = {};
  for (const plan of plans) {
    const args = argumentMap(ctx, plan.args);
    if (args === null && !plan.keepWithoutArgs) continue;
    fields[plan.name] = {
      type: plan.type(),
      args: args ?? {},
      ...(plan.description ? { description: plan.description } : {}),
      extensions: rootFieldExtensions({ operation: plan.operation, model: plan.model }),
    };
  }
  return fields;
}
