import { buildSchema } from '@refract/datamodel';
import { findField, getModel, type ScalarField } from '@refract/schema-model';
import { describe, expect, it } from 'vitest';
import { parseImportDateTime, readScalar } from './scalar.input.js';

const built = buildSchema(`
type T {
  id: ID! @id  s: String  i: Int  f: Float  b: Boolean  d: DateTime  j: Json  e: E  r: ID
  u: [Int] @scalarList(strategy: RELATION)
}
type U { id: UUID! @id }
enum E { A B }
`);
if (!built.ok) throw new Error(JSON.stringify(built.errors));
const schema = built.schema;
const field = (model: string, name: string) => findField(getModel(schema, model), name) as ScalarField;
const read = (model: string, name: string, json: unknown) => readScalar(schema, field(model, name), json);

describe('parseImportDateTime (spec §14.2)', () => {
  it.each([
    ['2019-05-06T07:08:09.010Z', '2019-05-06T07:08:09.010Z'],
    ['2019-05-06T07:08:09Z', '2019-05-06T07:08:09.000Z'],
    ['2019-05-06 07:08:09', '2019-05-06T07:08:09.000Z'],
    ['2019-05-06T07:08:09.1+01:00', '2019-05-06T06:08:09.100Z'],
    ['2019-05-06T07:08:09.123456789-0130', '2019-05-06T08:38:09.123Z'],
  ])('reads %s', (text, iso) => {
    expect(parseImportDateTime(text)?.toISOString()).toBe(iso);
  });

  it.each(['2019-05-06', '2019-05-06T07:08', '2019-05-06T07:08:09', '2019-13-01T00:00:00Z', '2019-02-30 00:00:00', '20190506T070809Z', ' 2019-05-06 07:08:09'])('refuses %s', (text) => {
    expect(parseImportDateTime(text)).toBeNull();
  });
});

describe('readScalar', () => {
  it.each([
    ['T', 's', 'text', 'text'],
    ['T', 'r', 'any-id', 'any-id'],
    ['T', 'i', -5, -5],
    ['T', 'f', 0.1, 0.1],
    ['T', 'b', false, false],
    ['T', 'd', '2019-05-06 07:08:09', '2019-05-06T07:08:09.000'],
    ['T', 'j', { a: [1, 'x'] }, '{"a":[1,"x"]}'],
    ['T', 'j', 'a JSON string', '"a JSON string"'],
    ['T', 'e', 'B', 'B'],
    ['U', 'id', '6F1C2A4E-8D3B-4C55-9E6A-0B1C2D3E4F50', '6f1c2a4e-8d3b-4c55-9e6a-0b1c2d3e4f50'],
    ['T', 'u', 7, 7],
  ])('%s.%s takes %j as %j', (model, name, json, value) => {
    expect(read(model, name, json)).toEqual({ ok: true, value });
  });

  it.each([
    ['T', 's', 1],
    ['T', 'i', 1.5],
    ['T', 'i', 2 ** 31],
    ['T', 'i', '1'],
    ['T', 'f', '1.5'],
    ['T', 'b', 'true'],
    ['T', 'd', 1_557_126_489_000],
    ['T', 'e', 'C'],
    ['T', 'e', 'a'],
    ['U', 'id', 'not-a-uuid'],
  ])('%s.%s refuses %j', (model, name, json) => {
    expect(read(model, name, json)).toEqual({ ok: false });
  });
});
