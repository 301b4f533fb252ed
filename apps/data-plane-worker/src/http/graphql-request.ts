// Executes one GraphQL request body (object or batch array, spec §1.4) against a schema, and
// shapes the result and errors as Prisma 1 does (spec §10.1): `code` and `requestId` are
// top-level keys of an error; unexpected errors are hidden behind the request id.
import { GraphQLError, execute, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { RefractError } from '@refract/shared';

/** An error a resolver raises on purpose, carrying Prisma's numeric code. */
export interface CodedError {
  readonly prismaCode: number;
  readonly message: string;
}

function isCoded(error: unknown): error is CodedError & Error {
  return error instanceof RefractError && typeof (error as unknown as { prismaCode?: unknown }).prismaCode === 'number';
}

export interface GraphqlHttpResult {
  readonly status: number;
  readonly body: unknown;
}

export interface ExecutionContext {
  readonly requestId: string;
  readonly onInternalError: (error: unknown) => void;
}

export interface Operation {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** An execution error without a Prisma code whose message is safe and useful to show as is. */
export class PublicError extends Error {}

/** Thrown for requests that fail as a whole (HTTP 500, spec §1.4). */
export class FatalRequestError extends Error {}

export function internalMessage(requestId: string): string {
  return `Whoops. Looks like an internal server error. Search your server logs for request ID: ${requestId}`;
}

export function formatError(error: GraphQLError, context: ExecutionContext): Record<string, unknown> {
  const original = error.originalError;
  const base: Record<string, unknown> = { message: error.message };
  if (error.locations) base.locations = error.locations;
  if (error.path) base.path = error.path;
  if (original === undefined || original instanceof GraphQLError) return base; // validation errors
  if (isCoded(original)) return { ...base, code: original.prismaCode, requestId: context.requestId };
  if (original instanceof PublicError) return { ...base, requestId: context.requestId };
  context.onInternalError(original);
  return { ...base, message: internalMessage(context.requestId), requestId: context.requestId };
}

/** The checks every operation of a body passes first (spec §1.4): a query string, object variables. */
export function checkOperation(operation: unknown): { query: string; variables: Record<string, unknown> | null; operationName: string | null } {
  if (typeof operation !== 'object' || operation === null || Array.isArray(operation)) throw new FatalRequestError('request malformed');
  const { query, variables = null, operationName } = operation as Operation;
  if (typeof query !== 'string') throw new FatalRequestError('request malformed: no query string');
  if (variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) throw new FatalRequestError('request malformed: variables must be an object');
  return { query, variables: variables as Record<string, unknown> | null, operationName: typeof operationName === 'string' ? operationName : null };
}

export function parseDocument(query: string): DocumentNode {
  try {
    return parse(query, { maxTokens: 100_000 });
  } catch (error) {
    throw new FatalRequestError(`Syntax error while parsing GraphQL query. ${(error as Error).message}`);
  }
}

async function runOne(schema: GraphQLSchema, operation: unknown, contextValue: unknown, context: ExecutionContext): Promise<Record<string, unknown>> {
  const { query, variables, operationName } = checkOperation(operation);
  const document = parseDocument(query);
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) return { errors: validationErrors.map((e) => ({ message: e.message, locations: e.locations })) };
  const result = await execute({ schema, document, contextValue, variableValues: variables, operationName });
  const body: Record<string, unknown> = { data: result.data ?? null };
  if (result.errors?.length) body.errors = result.errors.map((e) => formatError(e, context));
  return body;
}

/**
 * Runs a parsed JSON body: an object gives one result, an array the results in order, executed
 * concurrently (spec §1.4). `run` answers one operation with a result object or its JSON text.
 */
export async function executeBatch(body: unknown, run: (operation: unknown) => Promise<string | Record<string, unknown>>, context: ExecutionContext): Promise<GraphqlHttpResult> {
  const text = (result: string | Record<string, unknown>) => (typeof result === 'string' ? result : JSON.stringify(result));
  try {
    if (Array.isArray(body)) {
      const results = await Promise.all(body.map(run));
      return { status: 200, body: `[${results.map(text).join(',')}]` };
    }
    return { status: 200, body: text(await run(body)) };
  } catch (error) {
    if (error instanceof FatalRequestError) return { status: 500, body: { errors: [{ message: error.message, requestId: context.requestId }] } };
    throw error;
  }
}

/** Executes a parsed JSON body against a graphql-js schema with resolvers (management, private API). */
export async function executeGraphqlBody(schema: GraphQLSchema, body: unknown, contextValue: unknown, context: ExecutionContext): Promise<GraphqlHttpResult> {
  return executeBatch(body, (operation) => runOne(schema, operation, contextValue, context), context);
}
