// Schema model → the Prisma 1 CRUD API schema (spec §6), types only. Three phases: plan the root
// fields (which declares every input type they reach), prune empty input types, then create the
// graphql-js types. graphql-js keeps only the types reachable from the roots, which is Prisma's
// "unused enums and scalars disappear".
import { GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { SchemaModel } from '@refract/schema-model';
import { MUTATION_TYPE, QUERY_TYPE, SUBSCRIPTION_TYPE } from '../inflection/api-names.inflection.js';
import { BuildContext } from './build.context.js';
import { materialize, planMutation, planQuery, planSubscription } from './root.fields.js';

export interface ProjectSchemaOptions {
  /** Adds `executeRaw` (the database configuration's `rawAccess: true`, spec §15). */
  readonly rawAccess?: boolean;
}

/** The CRUD API schema of a project: deterministic, and pure apart from allocating the types. */
export function buildProjectSchema(model: SchemaModel, options: ProjectSchemaOptions = {}): GraphQLSchema {
  const ctx = new BuildContext(model);
  const query = planQuery(ctx);
  const mutation = planMutation(ctx, { rawAccess: options.rawAccess ?? false });
  const subscription = planSubscription(ctx);
  ctx.inputs.prune();

  const mutationFields = materialize(ctx, mutation);
  const subscriptionFields = materialize(ctx, subscription);
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: QUERY_TYPE, fields: materialize(ctx, query) }),
    // GraphQL has no empty object types: without models (and raw access) there is no Mutation,
    // and Prisma omits Subscription then too.
    ...(Object.keys(mutationFields).length > 0
      ? { mutation: new GraphQLObjectType({ name: MUTATION_TYPE, fields: mutationFields }) }
      : {}),
    ...(Object.keys(subscriptionFields).length > 0
      ? { subscription: new GraphQLObjectType({ name: SUBSCRIPTION_TYPE, fields: subscriptionFields }) }
      : {}),
  });
}
