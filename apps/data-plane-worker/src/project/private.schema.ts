// The private API of a project (spec §15): `resetData` empties every table of the project in one
// transaction (spec §8.11); `validateSubscriptionQuery` answers the errors a subscription with
// this document would be refused with (parsing, validation against the project, one known model).
import { GraphQLBoolean, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { sql } from '@refract/sql';
import type pg from 'pg';
import { query, transaction } from '@refract/pg-executor';
import { planSubscription } from '../subscriptions/subscription.plan.js';
import type { ProjectApi } from './project.api.js';

export interface PrivateContext {
  readonly projectId: string;
  readonly api: ProjectApi;
}

/** Truncates every table of the project's schema — models, link tables, scalar lists, `_RelayId`. */
export async function resetProjectData(pool: pg.Pool, projectId: string): Promise<void> {
  await transaction(pool, async (client) => {
    const tables = await query<{ tablename: string }>(client, sql`SELECT tablename FROM pg_tables WHERE schemaname = ${projectId} ORDER BY tablename`);
    if (tables.length === 0) return;
    await query(client, sql`TRUNCATE ${sql.join(tables.map((t) => sql.ident(projectId, t.tablename)))} CASCADE`);
  });
}

function subscriptionQueryErrors(api: ProjectApi, text: string): string[] {
  const planned = planSubscription(api, { query: text, variables: null, operationName: null }, api.limits);
  return planned.ok ? [] : planned.errors.map((e) => e.message);
}

export function createPrivateSchema(pool: pg.Pool): GraphQLSchema {
  const result = new GraphQLObjectType({
    name: 'SubscriptionQueryValidationResult',
    fields: { errors: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString))) } },
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        validateSubscriptionQuery: {
          type: new GraphQLNonNull(result),
          args: { query: { type: new GraphQLNonNull(GraphQLString) } },
          resolve: (_, args: { query: string }, context: PrivateContext) => ({ errors: subscriptionQueryErrors(context.api, args.query) }),
        },
      },
    }),
    mutation: new GraphQLObjectType({
      name: 'Mutation',
      fields: {
        resetData: {
          type: GraphQLBoolean,
          resolve: async (_, __, context: PrivateContext) => {
            await resetProjectData(pool, context.projectId);
            return true;
          },
        },
      },
    }),
  });
}
