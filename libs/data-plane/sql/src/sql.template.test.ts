import { describe, expect, it } from 'vitest';
import { compile, sql, SqlError } from './sql.template.js';

describe('sql', () => {
  it('turns interpolated values into numbered parameters', () => {
    const id = "x'; DROP TABLE users; --";
    expect(compile(sql`SELECT * FROM t WHERE id = ${id} AND n > ${3}`)).toEqual({
      text: 'SELECT * FROM t WHERE id = $1 AND n > $2',
      values: [id, 3],
    });
  });

  it('nests fragments, keeping the numbering in order', () => {
    const where = sql`a = ${1} AND b = ${'two'}`;
    expect(compile(sql`SELECT ${sql.ident('c')} FROM t WHERE ${where} LIMIT ${10}`)).toEqual({
      text: 'SELECT "c" FROM t WHERE a = $1 AND b = $2 LIMIT $3',
      values: [1, 'two', 10],
    });
  });

  it('quotes identifiers, doubling quotes, and qualifies them', () => {
    expect(compile(sql.ident('my-service$dev', 'Us"er')).text).toBe('"my-service$dev"."Us""er"');
    expect(() => sql.ident('')).toThrow(SqlError);
    expect(() => sql.ident('a\u0000b')).toThrow(SqlError);
  });

  it('writes literals only where parameters cannot go', () => {
    expect(compile(sql`START ${sql.literal(100)} ${sql.literal("it's")} ${sql.literal(true)}`).text).toBe("START 100 'it''s' true");
    expect(() => sql.literal(Number.NaN)).toThrow(SqlError);
  });

  it('joins values and fragments', () => {
    expect(compile(sql`IN (${sql.join([1, 2, 3])})`)).toEqual({ text: 'IN ($1, $2, $3)', values: [1, 2, 3] });
    expect(compile(sql.join([sql.ident('a'), sql.ident('b')], sql` AND `)).text).toBe('"a" AND "b"');
    expect(compile(sql`x${sql.empty}y`).text).toBe('xy');
  });
});
