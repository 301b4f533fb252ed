// The generated CRUD API of one project revision: its GraphQLSchema and how an operation runs.
// Reads take the fast path when every root field is a read: each root field is planned, compiled
// to ONE statement and run concurrently, and PostgreSQL's JSON text is spliced into the response
// without being parsed. Anything else (introspection, operations mixing introspection and reads)
// runs through graphql-js with resolvers that use the same plan → SQL → JSON path.
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
  type OperationDefinitionNode,
} from 'graphql';
import { DatabaseError, type SqlExecutor } from '@refract/pg-executor';
import { dataText, documentLimitsRule, fragmentsOf, isReadField, queryErrors, readRootField, runReadOperation, type DocumentLimits, type PlanContext, type PlanLimits, type RunRead } from '@refract/query';
import type { SchemaModel } from '@refract/schema-model';
import { PublicError, checkOperation, formatError, parseDocument, type ExecutionContext } from '../http/graphql-request.js';
import { DocumentCache, type CachedDocument } from './document.cache.js';

export type ApiLimits = DocumentLimits & PlanLimits;

export class ProjectApi {
  private readonly documents = new DocumentCache();
  private readonly rules;

  constructor(
    readonly graphqlSchema: GraphQLSchema,
    private readonly schema: SchemaModel,
    private readonly schemaName: string,
    private readonly executor: SqlExecutor,
    private readonly limits: ApiLimits,
  ) {
    this.rules = [...specifiedRules, documentLimitsRule(limits)];
  }

  private load(query: string): CachedDocument {
    const document = parseDocument(query);
    const errors = validate(this.graphqlSchema, document, this.rules);
    return errors.length > 0 ? { document: null, errors } : { document, errors: null };
  }

  /** One operation of a request body → its result as JSON text. */
  async execute(operation: unknown, context: ExecutionContext): Promise<string> {
    const { query, variables, operationName } = checkOperation(operation);
    const cached = this.documents.get(query, () => this.load(query));
    if (cached.errors) return JSON.stringify({ errors: cached.errors.map((e) => ({ message: e.message, locations: e.locations })) });
    const document = cached.document;
    const definition = getOperationAST(document, operationName);
    if (definition?.operation === 'query') {
      const coerced = getVariableValues(this.graphqlSchema, definition.variableDefinitions ?? [], variables ?? {});
      if (coerced.errors) return JSON.stringify({ errors: coerced.errors.map((e) => ({ message: e.message, locations: e.locations })) });
      const fast = await this.readsOnly(document, definition, coerced.coerced, context);
      if (fast !== null) return fast;
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

  /** The fast path; null when some root field is not a read (the caller falls back to graphql-js). */
  private async readsOnly(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, context: ExecutionContext): Promise<string | null> {
    const results = await runReadOperation(this.planContext(fragmentsOf(document), variables), this.schemaName, operation, this.run);
    if (results === null) return null;
    const errors = results.flatMap((r) => ('error' in r ? [formatError(new GraphQLError((r.error as Error).message, { nodes: r.nodes, path: [r.key], originalError: r.error as Error }), context)] : []));
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
        throw new PublicError(`The field '${info.fieldName}' is not served by this worker version yet.`);
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
