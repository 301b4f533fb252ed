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

interface Operation {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** Thrown for requests that fail as a whole (HTTP 500, spec §1.4). */
export class FatalRequestError extends Error {}

function internalMessage(requestId: string): string {
  return `Whoops. Looks like an internal server error. Search your server logs for request ID: ${requestId}`;
}

function formatError(error: GraphQLError, context: ExecutionContext): Record<string, unknown> {
  const original = error.originalError;
  const base: Record<string, unknown> = { message: error.message };
  if (error.locations) base.locations = error.locations;
  if (error.path) base.path = error.path;
  if (original === undefined || original instanceof GraphQLError) return base; // validation errors
  if (isCoded(original)) return { ...base, code: original.prismaCode, requestId: context.requestId };
  context.onInternalError(original);
  return { ...base, message: internalMessage(context.requestId), requestId: context.requestId };
}

async function runOne(schema: GraphQLSchema, operation: Operation, contextValue: unknown, context: ExecutionContext): Promise<Record<string, unknown>> {
  if (typeof operation !== 'object' || operation === null || Array.isArray(operation)) throw new FatalRequestError('request malformed');
  if (typeof operation.query !== 'string') throw new FatalRequestError('request malformed: no query string');
  const variables = operation.variables ?? null;
  if (variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) throw new FatalRequestError('request malformed: variables must be an object');
  let document: DocumentNode;
  try {
    document = parse(operation.query, { maxTokens: 100_000 });
  } catch (error) {
    throw new FatalRequestError(`Syntax error while parsing GraphQL query. ${(error as Error).message}`);
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) return { errors: validationErrors.map((e) => ({ message: e.message, locations: e.locations })) };
  const result = await execute({
    schema,
    document,
    contextValue,
    variableValues: variables as Record<string, unknown> | null,
    operationName: typeof operation.operationName === 'string' ? operation.operationName : null,
  });
  const body: Record<string, unknown> = { data: result.data ?? null };
  if (result.errors?.length) body.errors = result.errors.map((e) => formatError(e, context));
  return body;
}

/** Executes a parsed JSON body; object → object, array → array in order (spec §1.4). */
export async function executeGraphqlBody(schema: GraphQLSchema, body: unknown, contextValue: unknown, context: ExecutionContext): Promise<GraphqlHttpResult> {
  try {
    if (Array.isArray(body)) {
      const results = await Promise.all(body.map((op) => runOne(schema, op as Operation, contextValue, context)));
      return { status: 200, body: results };
    }
    return { status: 200, body: await runOne(schema, body as Operation, contextValue, context) };
  } catch (error) {
    if (error instanceof FatalRequestError) return { status: 500, body: { errors: [{ message: error.message, requestId: context.requestId }] } };
    throw error;
  }
}
