// Runs fixture operations through the read engine exactly as the worker does (parse, validate,
// coerce variables, plan, compile, execute on PostgreSQL), recording every statement sent, so a
// fixture can assert the result and snapshot the SQL.
import { buildSchema } from '@refract/datamodel';
import { createProjectSchema, ddlForSteps, stepsToCreate } from '@refract/ddl';
import { buildProjectSchema } from '@refract/graphql-schema';
import { SqlExecutor, WriteRunner, query } from '@refract/pg-executor';
import type { SchemaModel } from '@refract/schema-model';
import type { TestDatabase } from '@refract/shared/testing';
import { compile, sql, type Sql } from '@refract/sql';
import { getOperationAST, getVariableValues, parse, specifiedRules, validate, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type pg from 'pg';
import { dataText, documentLimitsRule, fragmentsOf, runMutationOperation, runReadOperation, type ChangePublisher, type PlanContext } from '../src/index.js';

export interface Fixture {
  readonly datamodel: string;
  /** SQL run with the project schema as search_path, so tables are named plainly. */
  readonly seed: string;
  readonly cases: Readonly<Record<string, FixtureCase>>;
}

export interface FixtureCase {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** The response: `data`, and `errors` reduced to `{message, code?}`. */
  readonly expected: unknown;
}

export const LIMITS = { maxDepth: 20, maxAliases: 200, maxSelections: 5000, maxPageSize: 1000 };

export interface EngineRun {
  readonly response: { data?: unknown; errors?: { message: string; code?: number }[] };
  /** Each statement sent, with its values, formatted for review. */
  readonly statements: readonly string[];
}

export class Engine {
  private constructor(
    readonly schemaName: string,
    readonly schema: SchemaModel,
    readonly graphqlSchema: GraphQLSchema,
    readonly pool: pg.Pool,
  ) {}

  static async create(database: TestDatabase, schemaName: string, fixture: Pick<Fixture, 'datamodel' | 'seed'>): Promise<Engine> {
    const built = buildSchema(fixture.datamodel);
    if (!built.ok) throw new Error(`fixture datamodel is invalid: ${JSON.stringify(built.errors)}`);
    const pool = database.pool();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      for (const statement of [createProjectSchema(schemaName), ...ddlForSteps(schemaName, null, built.schema, stepsToCreate(built.schema))]) await query(client, statement);
      await query(client, sql`SET LOCAL search_path TO ${sql.ident(schemaName)}`);
      await client.query(fixture.seed);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    return new Engine(schemaName, built.schema, buildProjectSchema(built.schema), pool);
  }

  private mutate(ctx: PlanContext, operation: OperationDefinitionNode, executor: SqlExecutor, statements: string[], changes?: ChangePublisher): Promise<EngineRun['response']> {
    return mutateWith(this, ctx, operation, executor, statements, changes);
  }

  /** Rows of a plain SQL query against the project schema (to check what a write left behind). */
  async rows(text: string): Promise<Record<string, unknown>[]> {
    const client = await this.pool.connect();
    try {
      await client.query(`SET search_path TO "${this.schemaName.replace(/"/g, '""')}"`);
      return (await client.query(text)).rows as Record<string, unknown>[];
    } finally {
      await client.query('RESET search_path').catch(() => undefined);
      client.release();
    }
  }

  async run(source: string, variables: Record<string, unknown> = {}, options: { changes?: ChangePublisher } = {}): Promise<EngineRun> {
    const document = parse(source);
    const validationErrors = validate(this.graphqlSchema, document, [...specifiedRules, documentLimitsRule(LIMITS)]);
    if (validationErrors.length > 0) return { response: { errors: validationErrors.map((e) => ({ message: e.message })) }, statements: [] };
    const operation = getOperationAST(document);
    if (!operation) throw new Error('fixture query has no single operation');
    const coerced = getVariableValues(this.graphqlSchema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return { response: { errors: coerced.errors.map((e) => ({ message: e.message })) }, statements: [] };
    const ctx: PlanContext = { schema: this.schema, graphqlSchema: this.graphqlSchema, fragments: fragmentsOf(document), variables: coerced.coerced, limits: LIMITS };
    const statements: string[] = [];
    const executor = new SqlExecutor(this.pool);
    if (operation.operation === 'mutation') return { response: await this.mutate(ctx, operation, executor, statements, options.changes), statements };
    const results = await runReadOperation(ctx, this.schemaName, operation, async (statement: Sql) => {
      statements.push(formatStatement(statement));
      return executor.readJson(statement);
    });
    if (results === null) throw new Error('fixture query is not a read');
    const errors = results.flatMap((r) => ('error' in r ? [{ message: (r.error as Error).message, code: (r.error as { prismaCode?: number }).prismaCode }] : []));
    const data = JSON.parse(dataText(results)) as unknown;
    return { response: errors.length > 0 ? { data, errors } : { data }, statements };
  }
}

/** Runs a mutation as the worker does: root fields in order, each in its own transaction. */
async function mutateWith(engine: { schemaName: string; pool: pg.Pool }, ctx: PlanContext, operation: OperationDefinitionNode, executor: SqlExecutor, statements: string[], changes?: ChangePublisher): Promise<EngineRun['response']> {
  const runner = new WriteRunner(engine.pool, executor, { onStatement: (statement) => statements.push(formatStatement(statement)) });
  const ports = { transaction: runner.transaction.bind(runner), autocommit: runner.autocommit, executeRaw: async (text: string) => (await engine.pool.query(text)).rows, ...(changes ? { changes } : {}) };
  const results = await runMutationOperation(ctx, engine.schemaName, operation, ports);
  const errors = results.flatMap((r) => ('error' in r ? [{ message: (r.error as Error).message, code: (r.error as { prismaCode?: number }).prismaCode }] : []));
  const data = JSON.parse(dataText(results)) as unknown;
  return errors.length > 0 ? { data, errors } : { data };
}

/** Line breaks before the main clauses, values listed after: readable in a review diff. */
export function formatStatement(statement: Sql): string {
  const { text, values } = compile(statement);
  const body = text.replace(/ (FROM|WHERE|ORDER BY|LIMIT|JOIN|AND|OR) /g, '\n  $1 ');
  return `${body}\n-- values: ${JSON.stringify(values)}\n`;
}
