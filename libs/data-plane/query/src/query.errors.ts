// Errors of the generated API that a read can raise, with Prisma 1's codes and exact messages
// (spec §10.2). The transport renders them once as `{message, code, requestId}`.
import { RefractError } from '@refract/shared';

export type QueryErrorCode = 1000 | 2041 | 3000 | 3014 | 3026 | 3027 | 3028 | 3033 | 3040 | 3045;

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
