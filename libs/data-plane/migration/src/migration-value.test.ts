import { findModel, scalarFields, type ScalarField } from '@refract/schema-model';
import { describe, expect, it } from 'vitest';
import { build } from '../test/schemas.fixture.js';
import { renderValue } from './gc-value.render.js';
import { DEFAULT_CUID_MIGRATION_VALUE, DEFAULT_UUID_MIGRATION_VALUE, migrationValue } from './migration-value.js';

const { schema } = build(`
type Thing {
  id: ID! @id
  s: String  b: Boolean  i: Int  f: Float  d: DateTime  j: Json  e: Role  c: ID  u: UUID
  withDefault: Int @default(value: 5)
  dayDefault: DateTime @default(value: "2015-11-22")
  enumDefault: Role @default(value: ADMIN)
}
enum Role { USER ADMIN }`);

const field = (name: string): ScalarField => {
  const found = scalarFields(findModel(schema, 'Thing')!).find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
};

describe('migrationValue', () => {
  it.each([
    ['s', { type: 'String', value: '' }, ''],
    ['b', { type: 'Boolean', value: false }, 'false'],
    ['i', { type: 'Int', value: 0 }, '0'],
    ['f', { type: 'Float', value: 0 }, '0.0'],
    ['d', { type: 'DateTime', value: '1970-01-01T00:00:00.000Z' }, '1970-01-01T00:00:00.000Z'],
    ['j', { type: 'Json', value: '{}' }, '{}'],
    ['e', { type: 'Enum', value: 'USER' }, 'USER'],
    ['c', { type: 'Cuid', value: DEFAULT_CUID_MIGRATION_VALUE }, DEFAULT_CUID_MIGRATION_VALUE],
    ['u', { type: 'UUID', value: DEFAULT_UUID_MIGRATION_VALUE }, '550e8400-e29b-11d4-a716-446655440000'],
    ['withDefault', { type: 'Int', value: 5 }, '5'],
    ['enumDefault', { type: 'Enum', value: 'ADMIN' }, 'ADMIN'],
    ['dayDefault', { type: 'DateTime', value: '2015-11-22T00:00:00.000Z' }, '2015-11-22T00:00:00.000Z'],
  ])('fills %s with %j (shown as `%s`)', (name, value, shown) => {
    expect(migrationValue(field(name), schema)).toEqual(value);
    expect(renderValue(migrationValue(field(name), schema))).toBe(shown);
  });

  it('fills ID fields with a value as wide as a cuid column', () => {
    expect(DEFAULT_CUID_MIGRATION_VALUE).toBe('DefaultCUIDMigrationValue');
    expect(DEFAULT_CUID_MIGRATION_VALUE).toHaveLength(25);
  });

  it('fails for an enum field whose enum is missing', () => {
    const orphan: ScalarField = { ...field('e'), enum: 'Missing' };
    expect(() => migrationValue(orphan, schema)).toThrow('The enum of the field `e` has no values.');
  });
});
