// The generated CRUD API of one project revision: its GraphQLSchema and how an operation runs.
// Reads take the fast path when every root field is a read: each root field is planned, compiled
// to ONE statement and run concurrently, and PostgreSQL's JSON text is spliced into the response
// without being parsed. Anything else (introspection, operations mixing introspection and reads)
// runs through graphql-js with resolvers that use the same plan → SQL → JSON path. Mutations run
// their root fields in order, each in one transaction (spec §8.1), and their results are spliced
// in the same way.
import {
  GraphQLError,
  execute,
  getOperationAST,
  getVariableValues,
  specifiedRules,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { DatabaseError, classifyDatabaseError, type SqlExecutor, type WriteRunner } from '@refract/pg-executor';
import {
  dataText,
  documentLimitsRule,
  fragmentsOf,
  isReadField,
  queryErrors,
  readRootField,
  runMutationOperation,
  runReadOperation,
  type ChangePublisher,
  type DocumentLimits,
  type MutationPorts,
  type PlanContext,
  type PlanLimits,
  type RootResult,
  type RunRead,
} from '@refract/query';
import type { SchemaModel } from '@refract/schema-model';
import { PublicError, checkOperation, formatError, parseDocument, type ExecutionContext } from '../http/graphql-request.js';
import { DocumentCache, type CachedDocument } from './document.cache.js';

export type ApiLimits = DocumentLimits & PlanLimits;

/** A cancelled statement is Prisma's 1000 TimeoutExceeded; other errors pass unchanged. */
function publicDatabaseError(error: unknown): unknown {
  const classified = classifyDatabaseError(error);
  return classified instanceof DatabaseError && classified.kind === 'timeout' ? queryErrors.timeout() : error;
}

export class ProjectApi {
  private readonly documents = new DocumentCache();
  private readonly rules;
  private readonly ports: MutationPorts;

  constructor(
    readonly graphqlSchema: GraphQLSchema,
    readonly schema: SchemaModel,
    readonly schemaName: string,
    private readonly executor: SqlExecutor,
    writes: WriteRunner,
    readonly limits: ApiLimits,
    extras: { readonly executeRaw?: (query: string) => Promise<unknown>; readonly changes?: ChangePublisher } = {},
  ) {
    this.rules = [...specifiedRules, documentLimitsRule(limits)];
    this.ports = { transaction: (work) => writes.transaction(work), autocommit: writes.autocommit, ...extras };
  }

  private load(query: string): CachedDocument {
    const document = parseDocument(query);
    const errors = validate(this.graphqlSchema, document, this.rules);
    return errors.length > 0 ? { document: null, errors } : { document, errors: null };
  }

  /**
   * The parsed and validated document of a query text, cached (HTTP operations and subscription
   * starts share the cache). A syntax error throws a FatalRequestError and is not cached.
   */
  document(query: string): CachedDocument {
    return this.documents.get(query, () => this.load(query));
  }

  /** One operation of a request body → its result as JSON text. */
  async execute(operation: unknown, context: ExecutionContext): Promise<string> {
    const { query, variables, operationName } = checkOperation(operation);
    const cached = this.document(query);
    if (cached.errors) return JSON.stringify({ errors: cached.errors.map((e) => ({ message: e.message, locations: e.locations })) });
    const document = cached.document;
    const definition = getOperationAST(document, operationName);
    if (definition?.operation === 'query' || definition?.operation === 'mutation') {
      const coerced = getVariableValues(this.graphqlSchema, definition.variableDefinitions ?? [], variables ?? {});
      if (coerced.errors) return JSON.stringify({ errors: coerced.errors.map((e) => ({ message: e.message, locations: e.locations })) });
      const ctx = this.planContext(fragmentsOf(document), coerced.coerced);
      if (definition.operation === 'mutation') return this.response(await runMutationOperation(ctx, this.schemaName, definition, this.ports), context);
      const fast = await runReadOperation(ctx, this.schemaName, definition, this.run);
      if (fast !== null) return this.response(fast, context);
    }
    return this.executeWithGraphqlJs(document, variables, operationName, context);
  }

  private planContext(fragments: Readonly<Record<string, FragmentDefinitionNode>>, variables: Readonly<Record<string, unknown>>): PlanContext {
    return { schema: this.schema, graphqlSchema: this.graphqlSchema, fragments, variables, limits: this.limits };
  }

  /** Runs one compiled read; a cancelled statement is Prisma's 1000 TimeoutExceeded. */
  private readonly run: RunRead = async (statement) => {
    try {
      return await this.executor.readJson(statement);
    } catch (error) {
      if (error instanceof DatabaseError && error.kind === 'timeout') throw queryErrors.timeout();
      throw error;
    }
  };

  /** The response of root results: PostgreSQL's JSON texts spliced in, errors in Prisma's shape. */
  private response(results: readonly RootResult[], context: ExecutionContext): string {
    const errors = results.flatMap((r) => {
      if (!('error' in r)) return [];
      const error = publicDatabaseError(r.error) as Error;
      return [formatError(new GraphQLError(error.message, { nodes: r.nodes, path: [r.key], originalError: error }), context)];
    });
    const data = dataText(results);
    return errors.length > 0 ? `{"data":${data},"errors":${JSON.stringify(errors)}}` : `{"data":${data}}`;
  }

  private async executeWithGraphqlJs(document: DocumentNode, variables: Record<string, unknown> | null, operationName: string | null, context: ExecutionContext): Promise<string> {
    const queryType = this.graphqlSchema.getQueryType();
    const fieldResolver: GraphQLFieldResolver<unknown, unknown> = async (source, _args, _context, info) => {
      if (info.parentType === queryType || info.parentType === this.graphqlSchema.getMutationType()) {
        const definition = info.parentType.getFields()[info.fieldName]!;
        if (isReadField(definition)) {
          const text = await readRootField(this.planContext(info.fragments, info.variableValues), this.schemaName, definition, info.fieldNodes, this.run);
          return text === null ? null : JSON.parse(text);
        }
        throw new PublicError(`The field '${info.fieldName}' cannot be combined with introspection in one operation.`);
      }
      // Results are keyed by response key (alias), as the SQL built them.
      return (source as Record<string, unknown> | null)?.[info.path.key as string];
    };
    const result = await execute({ schema: this.graphqlSchema, document, variableValues: variables, operationName, fieldResolver });
    const body: Record<string, unknown> = { data: result.data ?? null };
    if (result.errors?.length) body.errors = result.errors.map((e) => formatError(e, context));
    return JSON.stringify(body);
  }
}
