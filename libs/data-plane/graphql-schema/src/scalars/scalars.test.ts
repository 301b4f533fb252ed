// The custom scalars through graphql-js itself: a variable goes through parseValue, a literal
// through parseLiteral, a result through serialize — as when the query engine executes a document.
import { GraphQLObjectType, GraphQLSchema, GraphQLString, graphqlSync, type GraphQLScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GraphQLDateTime } from './date-time.scalar.ts';
import { GraphQLJson } from './json.scalar.ts';
import { GraphQLLong } from './long.scalar.ts';
import { GraphQLUUID } from './uuid.scalar.ts';

/** Echoes its argument `v` of type `scalar`, through parseValue/parseLiteral and serialize. */
function echo(scalar: GraphQLScalarType, document: string, variableValues?: Record<string, unknown>) {
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        echo: { type: scalar, args: { v: { type: scalar } }, resolve: (_, args: { v: unknown }) => args.v },
        // What the argument became, for the engine: class name and value.
        parsed: {
          type: GraphQLString,
          args: { v: { type: scalar } },
          resolve: (_, args: { v: unknown }) => `${Object.prototype.toString.call(args.v)} ${String(args.v)}`,
        },
      },
    }),
  });
  return graphqlSync({ schema, source: document, ...(variableValues ? { variableValues } : {}) });
}

describe('Json', () => {
  it('takes an object or array as a variable and returns the JSON value itself', () => {
    const query = 'query ($v: Json) { echo(v: $v) }';
    expect(echo(GraphQLJson, query, { v: { a: [1, 'x', null] } })).toEqual({ data: { echo: { a: [1, 'x', null] } } });
    expect(echo(GraphQLJson, query, { v: [1, 2] })).toEqual({ data: { echo: [1, 2] } });
  });

  it.each([['a string'], [42], [true]])('rejects the primitive %j as a variable with "Not valid JSON"', (value) => {
    const result = echo(GraphQLJson, 'query ($v: Json) { echo(v: $v) }', { v: value });
    expect(result.errors?.[0]?.message).toContain('Not valid JSON');
  });

  it('takes a literal only as a string holding JSON text', () => {
    expect(echo(GraphQLJson, '{ echo(v: "{\\"a\\": 1}") }')).toEqual({ data: { echo: { a: 1 } } });
    expect(echo(GraphQLJson, '{ echo(v: "[1, 2]") }')).toEqual({ data: { echo: [1, 2] } });
    expect(echo(GraphQLJson, '{ echo(v: "{not json") }').errors?.[0]?.message).toContain('Not valid JSON');
    expect(echo(GraphQLJson, '{ echo(v: {a: 1}) }').errors?.[0]?.message).toContain('Not valid JSON');
    expect(echo(GraphQLJson, '{ echo(v: 1) }').errors?.[0]?.message).toContain('Not valid JSON');
  });
});

describe('DateTime', () => {
  it('parses ISO-8601 variables and literals to a Date', () => {
    expect(echo(GraphQLDateTime, 'query ($v: DateTime) { parsed(v: $v) }', { v: '2015-11-22' }).data?.parsed).toMatch(/^\[object Date\] /);
    expect(echo(GraphQLDateTime, '{ echo(v: "2015-11-22T13:57:31.123+01:00") }')).toEqual({ data: { echo: '2015-11-22T12:57:31.123Z' } });
  });

  it('serialises as yyyy-MM-ddTHH:mm:ss.SSSZ in UTC', () => {
    expect(GraphQLDateTime.serialize(new Date(Date.UTC(2017, 10, 29, 14, 35, 13, 123)))).toBe('2017-11-29T14:35:13.123Z');
    expect(GraphQLDateTime.serialize('2017-11-29')).toBe('2017-11-29T00:00:00.000Z');
  });

  it('rejects other values with "Date value expected"', () => {
    expect(echo(GraphQLDateTime, 'query ($v: DateTime) { echo(v: $v) }', { v: 'tomorrow' }).errors?.[0]?.message).toContain('Date value expected');
    expect(echo(GraphQLDateTime, 'query ($v: DateTime) { echo(v: $v) }', { v: 1_500_000_000_000 }).errors?.[0]?.message).toContain(
      'Date value expected',
    );
    expect(echo(GraphQLDateTime, '{ echo(v: 2015) }').errors?.[0]?.message).toContain('Date value expected');
  });
});

describe('UUID', () => {
  it('returns the canonical lower-case form', () => {
    const upper = 'C5A8F0E2-1B3D-4C5E-9F70-8A9B0C1D2E3F';
    expect(echo(GraphQLUUID, 'query ($v: UUID) { echo(v: $v) }', { v: upper })).toEqual({ data: { echo: upper.toLowerCase() } });
    expect(echo(GraphQLUUID, '{ echo(v: "1-2-3-4-5") }')).toEqual({ data: { echo: '00000001-0002-0003-0004-000000000005' } });
  });

  it('rejects anything else with Prisma’s message', () => {
    expect(echo(GraphQLUUID, '{ echo(v: "not-a-uuid") }').errors?.[0]?.message).toContain('This is not a valid type 4 UUID.');
    expect(echo(GraphQLUUID, 'query ($v: UUID) { echo(v: $v) }', { v: 12 }).errors?.[0]?.message).toContain('This is not a valid type 4 UUID.');
  });
});

describe('Long', () => {
  it('serialises counts as numbers, also when the driver returns int8 as text', () => {
    expect(GraphQLLong.serialize(3)).toBe(3);
    expect(GraphQLLong.serialize('12')).toBe(12);
    expect(GraphQLLong.serialize(7n)).toBe(7);
  });

  it('parses integers up to 2^63 - 1 and rejects the rest', () => {
    expect(echo(GraphQLLong, '{ parsed(v: 42) }').data?.parsed).toBe('[object Number] 42');
    expect(echo(GraphQLLong, '{ parsed(v: 9223372036854775807) }').data?.parsed).toBe('[object BigInt] 9223372036854775807');
    expect(echo(GraphQLLong, '{ echo(v: 9223372036854775808) }').errors?.[0]?.message).toContain('Long value expected');
    expect(echo(GraphQLLong, 'query ($v: Long) { echo(v: $v) }', { v: 1.5 }).errors?.[0]?.message).toContain('Long value expected');
  });
});
