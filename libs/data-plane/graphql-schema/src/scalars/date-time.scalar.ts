// `scalar DateTime` (spec §2.1, §7.7): ISO-8601 text in (as a variable or a string literal), a
// JavaScript `Date` for the query engine, `2017-11-29T14:35:13.123Z` out.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { formatDateTime, parseIsoDateTime } from './iso-date-time.parser.js';

/** Sangria's message for Prisma's DateTime coercion violation. */
export const DATE_TIME_ERROR = 'Date value expected';

function parse(value: unknown): Date {
  const date = typeof value === 'string' ? parseIsoDateTime(value) : null;
  if (date === null) throw new GraphQLError(DATE_TIME_ERROR);
  return date;
}

export const GraphQLDateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  // Values from the database arrive as Date (timestamp(3)) or as ISO text.
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return formatDateTime(value);
    if (typeof value === 'string') return formatDateTime(parse(value));
    throw new GraphQLError(DATE_TIME_ERROR);
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(DATE_TIME_ERROR, { nodes: ast });
    return parse(ast.value);
  },
});
