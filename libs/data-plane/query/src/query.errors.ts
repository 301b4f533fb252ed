// Errors of the generated API, with Prisma 1's codes and exact messages (spec §10.2, §8). The
// transport renders them once as `{message, code, requestId}`.
import { RefractError } from '@refract/shared';

export type QueryErrorCode = 1000 | 2041 | 3000 | 3007 | 3010 | 3011 | 3014 | 3020 | 3026 | 3027 | 3028 | 3032 | 3033 | 3036 | 3039 | 3040 | 3041 | 3042 | 3045;

export class QueryError extends RefractError<`QUERY_${QueryErrorCode}`> {
  readonly code: `QUERY_${QueryErrorCode}`;

  constructor(
    readonly prismaCode: QueryErrorCode,
    message: string,
  ) {
    super(message);
    this.code = `QUERY_${prismaCode}`;
  }
}

export const queryErrors = {
  timeout: () => new QueryError(1000, 'The query took too long to process. Either try again later or try a simpler query.'),
  tooManyNodes: (requested: number, limit: number) =>
    new QueryError(2041, `You requested ${requested} nodes. We will only return up to ${limit} nodes per query.`),
  invalidCursor: (cursor: string, model: string) => new QueryError(3000, `The cursor '${cursor}' is not a valid id of ${model}.`),
  firstAndLast: () =>
    new QueryError(
      3014,
      'Including a value for both first and last is not supported. See the spec for a discussion of why https://facebook.github.io/relay/graphql/connections.htm#sec-Pagination-algorithm',
    ),
  negativeFirst: () => new QueryError(3026, "The 'first' argument must be non negative"),
  negativeLast: () => new QueryError(3027, "The 'last' argument must be non negative"),
  negativeSkip: () => new QueryError(3028, "The 'skip' argument must be non negative"),
  toManyNullFilter: (field: string) => new QueryError(3033, `The field '${field}' is a toMany relation. This cannot be filtered by null.`),
  noUniqueValue: (model: string) =>
    new QueryError(3040, `You provided an invalid argument for the where selector on ${model}. Please provide exactly one unique field and value.`),
  severalUniqueValues: (model: string) =>
    new QueryError(
      3045,
      `You provided more than one field for the unique selector on ${model}. If you want that behavior you can use the many query and combine fields with AND / OR.`,
    ),
};

/** A node a mutation names: model, selector field and value (the parts of Prisma's messages). */
export interface NodeReference {
  readonly model: string;
  readonly field?: string;
  readonly value?: unknown;
}

function shown(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

export const mutationErrors = {
  valueTooLong: (field: string) => new QueryError(3007, `Value for field ${field} is too long.`),
  uniqueViolation: (model: string, field: string) => new QueryError(3010, `A unique constraint would be violated on ${model}. Details: Field name = ${field}`),
  nodeDoesNotExist: () =>
    new QueryError(3011, 'You are referencing a node that does not exist. Please check your mutation to make sure you are only creating edges between existing nodes. Id if available: '),
  fieldCannotBeNull: (field: string) =>
    new QueryError(3020, `You are trying to set a required field to null. If you are using GraphQL arguments, make sure that you specify a value for all arguments. Fieldname if known: ${field}`),
  relationIsRequired: (field: string, model: string) =>
    new QueryError(3032, `The field '${field}' on type '${model}' is required. Performing this mutation would violate that constraint`),
  nullForRequiredWithDefault: (field: string, model: string) => new QueryError(3036, `The input value null was not valid for field ${field} of type ${model}.`),
  nodeNotFound: (model: string, field: string, value: unknown) => new QueryError(3039, `No Node for the model ${model} with value ${shown(value)} for ${field} found.`),
  /** The four variants of spec §8.7, by which selectors are known. */
  nodesNotConnected: (relation: string, parent: NodeReference, child: NodeReference) => {
    const parentPart = parent.field === undefined ? `the model ${parent.model}` : `the model ${parent.model} with the value '${shown(parent.value)}' for the field '${parent.field}'`;
    const message =
      parent.field !== undefined && child.field !== undefined
        ? `The relation ${relation} has no node for ${parentPart} connected to a node for the model ${child.model} with the value '${shown(child.value)}' for the field '${child.field}'`
        : parent.field !== undefined
          ? `The relation ${relation} has no node for ${parentPart} connected to a node for the model ${child.model} on your mutation path.`
          : child.field !== undefined
            ? `The relation ${relation} has no node for ${parentPart} connected to a Node for the model ${child.model} with the value '${shown(child.value)}' for the field '${child.field}' on your mutation path.`
            : `The relation ${relation} has no node for ${parentPart} connected to a Node for the model ${child.model} on your mutation path.`;
    return new QueryError(3041, message);
  },
  requiredRelationViolated: (relation: string, modelA: string, modelB: string) =>
    new QueryError(3042, `The change you are trying to make would violate the required relation '${relation}' between ${modelA} and ${modelB}`),
};
