// A query operation whose root fields are all reads, run the Refract way: each root field becomes
// one statement (plan → SQL), all run concurrently through the caller's `run` port, and each
// yields the JSON text PostgreSQL built. Transport concerns (error shapes, request ids) stay with
// the caller.
import { isNonNullType, type FieldNode, type GraphQLField, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import type { Sql } from '@refract/sql';
import { rootFieldInfo, type RootOperation } from '@refract/graphql-schema';
import { planReadField, type PlanContext } from './plan/read.planner.js';
import { collectFields } from './plan/selection.collect.js';
import { compileRead } from './sql/read.compiler.js';

/** Runs one compiled read and returns its `result` text. */
export type RunRead = (statement: Sql) => Promise<string | null>;

export type RootResult =
  | { readonly key: string; readonly text: string | null }
  | { readonly key: string; readonly error: unknown; readonly nodes: readonly FieldNode[]; readonly nonNull: boolean };

const READS: ReadonlySet<RootOperation> = new Set(['findMany', 'findUnique', 'connection', 'node']);

export function isReadField(field: GraphQLField<unknown, unknown>): boolean {
  const meaning = rootFieldInfo(field);
  return meaning !== undefined && READS.has(meaning.operation);
}

/** Plans, compiles and runs one read root field. */
export async function readRootField(ctx: PlanContext, schemaName: string, definition: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], run: RunRead): Promise<string | null> {
  const plan = planReadField(ctx, definition, nodes);
  return run(compileRead(plan, { schema: ctx.schema, schemaName }));
}

/** The results of every root field in response order; null when a root field is not a read. */
export async function runReadOperation(ctx: PlanContext, schemaName: string, operation: OperationDefinitionNode, run: RunRead): Promise<RootResult[] | null> {
  const queryType = ctx.graphqlSchema.getQueryType() as GraphQLObjectType;
  const rootFields = queryType.getFields();
  const fields = [...collectFields(ctx, queryType, [operation.selectionSet])];
  for (const [, nodes] of fields) {
    const name = nodes[0]!.name.value;
    if (name !== '__typename' && !(rootFields[name] && isReadField(rootFields[name]))) return null;
  }
  return Promise.all(
    fields.map(async ([key, nodes]): Promise<RootResult> => {
      const name = nodes[0]!.name.value;
      if (name === '__typename') return { key, text: JSON.stringify(queryType.name) };
      const definition = rootFields[name]!;
      try {
        return { key, text: await readRootField(ctx, schemaName, definition, nodes, run) };
      } catch (error) {
        return { key, error, nodes, nonNull: isNonNullType(definition.type) };
      }
    }),
  );
}

/** `{"k":v,…}` from the root results, or `null` when a non-null root field failed (null propagation). */
export function dataText(results: readonly RootResult[]): string {
  if (results.some((r) => 'error' in r && r.nonNull)) return 'null';
  return `{${results.map((r) => `${JSON.stringify(r.key)}:${('text' in r ? r.text : null) ?? 'null'}`).join(',')}}`;
}
