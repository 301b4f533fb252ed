// The private API of a project (spec §15): `resetData` empties every table of the project in one
// transaction (spec §8.11); `validateSubscriptionQuery` checks a subscription document's syntax.
import { GraphQLBoolean, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { sql } from '@refract/sql';
import type pg from 'pg';
import { query, transaction } from '@refract/pg-executor';

export interface PrivateContext {
  readonly projectId: string;
}

/** Truncates every table of the project's schema — models, link tables, scalar lists, `_RelayId`. */
export async function resetProjectData(pool: pg.Pool, projectId: string): Promise<void> {
  await transaction(pool, async (client) => {
    const tables = await query<{ tablename: string }>(client, sql`SELECT tablename FROM pg_tables WHERE schemaname = ${projectId} ORDER BY tablename`);
    if (tables.length === 0) return;
    await query(client, sql`TRUNCATE ${sql.join(tables.map((t) => sql.ident(projectId, t.tablename)))} CASCADE`);
  });
}

function subscriptionQueryErrors(text: string): string[] {
  try {
    const document = parse(text);
    const isSubscription = document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'subscription');
    return isSubscription ? [] : ['The query must be a subscription.'];
  } catch (error) {
    return [(error as Error).message];
  }
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
          resolve: (_, args: { query: string }) => ({ errors: subscriptionQueryErrors(args.query) }),
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
