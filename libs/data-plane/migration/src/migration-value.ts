// The value that fills existing rows when a column becomes required (spec §4.3, Prisma 1
// `MigrationValueGenerator`): the field's `@default`, else a fixed value per type. The destructive
// checks quote it in their warnings and the DDL stage writes it, so both get it from here.
import { findEnum, type DefaultValue, type ScalarField, type SchemaModel } from '@refract/schema-model';
import { utcTimestamp } from './utc-timestamp.js';

/**
 * Prisma 1's constant for ID columns (spec §4.3): 25 characters, the width of a cuid column. Only
 * non-unique fields are ever filled with it: a required unique field on existing rows is an error.
 */
export const DEFAULT_CUID_MIGRATION_VALUE = 'DefaultCUIDMigrationValue';
export const DEFAULT_UUID_MIGRATION_VALUE = '550e8400-e29b-11d4-a716-446655440000';

/**
 * The value for existing rows of `field`. `schema` is the schema the field belongs to (for the
 * first value of its enum). Values keep the DefaultValue conventions: numbers for Int and Float,
 * booleans for Boolean, text for the rest (DateTime as a full UTC ISO 8601 timestamp, also when
 * the `@default` literal was partial; Json as JSON text).
 */
export function migrationValue(field: ScalarField, schema: SchemaModel): DefaultValue {
  const { defaultValue } = field;
  if (defaultValue) {
    return defaultValue.type === 'DateTime' && typeof defaultValue.value === 'string'
      ? { type: 'DateTime', value: utcTimestamp(defaultValue.value) }
      : defaultValue;
  }
  switch (field.type) {
    case 'String':
      return { type: 'String', value: '' };
    case 'Boolean':
      return { type: 'Boolean', value: false };
    case 'Int':
      return { type: 'Int', value: 0 };
    case 'Float':
      return { type: 'Float', value: 0 };
    case 'DateTime':
      return { type: 'DateTime', value: '1970-01-01T00:00:00.000Z' };
    case 'Json':
      return { type: 'Json', value: '{}' };
    case 'Cuid':
      return { type: 'Cuid', value: DEFAULT_CUID_MIGRATION_VALUE };
    case 'UUID':
      return { type: 'UUID', value: DEFAULT_UUID_MIGRATION_VALUE };
    case 'Enum': {
      const first = field.enum === null ? undefined : findEnum(schema, field.enum)?.values[0];
      if (first === undefined) throw new Error(`The enum of the field \`${field.name}\` has no values.`);
      return { type: 'Enum', value: first };
    }
  }
}
