// `scalar Long` (BatchPayload.count, spec §6.4): a 64-bit integer. JSON numbers are exact up to
// 2^53, which covers any row count; a bigint is returned only for literals beyond that.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

export const LONG_ERROR = 'Long value expected';

const MIN_LONG = -(2n ** 63n);
const MAX_LONG = 2n ** 63n - 1n;

function fromBigInt(value: bigint): number | bigint {
  if (value < MIN_LONG || value > MAX_LONG) throw new GraphQLError(LONG_ERROR);
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

function coerce(value: unknown): number | bigint {
  if (typeof value === 'number' && Number.isInteger(value)) return fromBigInt(BigInt(value));
  if (typeof value === 'bigint') return fromBigInt(value);
  // node-postgres returns COUNT(*) (int8) as a decimal string.
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return fromBigInt(BigInt(value));
  throw new GraphQLError(LONG_ERROR);
}

export const GraphQLLong = new GraphQLScalarType<number | bigint, number>({
  name: 'Long',
  description:
    'The `Long` scalar type represents non-fractional signed whole numeric values.\nLong can represent values between -(2^63) and 2^63 - 1.',
  serialize(value) {
    // A JSON response can only carry a number; beyond 2^53 it loses precision, as in Prisma.
    return Number(coerce(value));
  },
  parseValue: coerce,
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT) throw new GraphQLError(LONG_ERROR, { nodes: ast });
    return fromBigInt(BigInt(ast.value));
  },
});
