import type { DefaultValue } from '@refract/schema-model';
import { describe, expect, it } from 'vitest';
import { javaDouble, renderGcValue, renderOptionalGcValue, renderValue } from './gc-value.render.js';

describe('Scala renderings of values', () => {
  it.each<[DefaultValue, string, string]>([
    [{ type: 'String', value: 'hello world' }, 'hello world', 'StringGCValue(hello world)'],
    [{ type: 'Int', value: 42 }, '42', 'IntGCValue(42)'],
    [{ type: 'Float', value: 1.5 }, '1.5', 'FloatGCValue(1.5)'],
    [{ type: 'Float', value: 2 }, '2.0', 'FloatGCValue(2.0)'],
    [{ type: 'Boolean', value: false }, 'false', 'BooleanGCValue(false)'],
    [{ type: 'DateTime', value: '2018-03-01T10:00:00Z' }, '2018-03-01T10:00:00.000Z', 'DateTimeGCValue(2018-03-01T10:00:00.000Z)'],
    [{ type: 'DateTime', value: '2018-03-01T10:00:00' }, '2018-03-01T10:00:00.000Z', 'DateTimeGCValue(2018-03-01T10:00:00.000Z)'],
    [{ type: 'DateTime', value: '2015-11-22' }, '2015-11-22T00:00:00.000Z', 'DateTimeGCValue(2015-11-22T00:00:00.000Z)'],
    [{ type: 'DateTime', value: '2018-03-01T12:00:00+02:00' }, '2018-03-01T10:00:00.000Z', 'DateTimeGCValue(2018-03-01T10:00:00.000Z)'],
    [{ type: 'Json', value: '{ "a": [1, 2.0], "b c": "x y" }' }, '{"a":[1,2.0],"b c":"x y"}', 'JsonGCValue({"a":[1,2.0],"b c":"x y"})'],
    [{ type: 'Enum', value: 'ADMIN' }, 'ADMIN', 'EnumGCValue(ADMIN)'],
    [{ type: 'Cuid', value: 'cjld2cjxh0000qzrmn831i7rn' }, 'cjld2cjxh0000qzrmn831i7rn', 'StringIdGCValue(cjld2cjxh0000qzrmn831i7rn)'],
    [{ type: 'UUID', value: '550e8400-e29b-11d4-a716-446655440000' }, '550e8400-e29b-11d4-a716-446655440000', 'UuidGCValue(550e8400-e29b-11d4-a716-446655440000)'],
  ])('renders %j as %s and %s', (value, bare, gcValue) => {
    expect(renderValue(value)).toBe(bare);
    expect(renderGcValue(value)).toBe(gcValue);
  });

  it('renders an Option of a GCValue', () => {
    expect(renderOptionalGcValue(null)).toBe('None');
    expect(renderOptionalGcValue({ type: 'Boolean', value: false })).toBe('Some(BooleanGCValue(false))');
  });

  it('prints doubles like Java', () => {
    expect([0, -0, 1, 0.001, 1234567.5, 1e7, 1.5e10, 0.0001, 1e-7, -2.5e-4].map(javaDouble)).toEqual([
      '0.0',
      '-0.0',
      '1.0',
      '0.001',
      '1234567.5',
      '1.0E7',
      '1.5E10',
      '1.0E-4',
      '1.0E-7',
      '-2.5E-4',
    ]);
  });

  it('shows text that is no date as written', () => {
    expect(renderValue({ type: 'DateTime', value: 'soon' })).toBe('soon');
  });
});
