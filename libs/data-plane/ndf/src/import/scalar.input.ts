// A JSON value of an import element → the value sent for its column (spec §14.2, GCValueJsonFormatter):
// strings for String/ID/enum (a declared value), numbers for Int (32-bit) and Float, booleans,
// DateTime in the three forms Prisma read (`yyyy-MM-ddTHH:mm:ss.SSSZ`, `yyyy-MM-ddTHH:mm:ssZ`,
// `yyyy-MM-dd HH:mm:ss`, the last one in UTC), Json as any JSON value (stored as its text),
// UUID as a UUID string. Null is "no value" (the caller decides what that means).
import { canonicalUuid, parseIsoDateTime } from '@refract/graphql-schema';
import { findEnum, type ScalarField, type SchemaModel } from '@refract/schema-model';
import type { SqlValue } from '@refract/sql';

export type ScalarInput = { readonly ok: true; readonly value: SqlValue } | { readonly ok: false };

const INVALID: ScalarInput = { ok: false };
const valid = (value: SqlValue): ScalarInput => ({ ok: true, value });

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

// Fractions of any length (Joda reads them), an offset as `Z`, `±HHmm` or `±HH:mm`.
const ISO_FORM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})$/;
const SPACE_FORM = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

/** The instant of an imported DateTime text, or null when it is in none of the accepted forms. */
export function parseImportDateTime(text: string): Date | null {
  if (ISO_FORM.test(text)) return parseIsoDateTime(text);
  const spaced = SPACE_FORM.exec(text);
  return spaced ? parseIsoDateTime(`${spaced[1]}T${spaced[2]}Z`) : null;
}

/** A `timestamp(3)` value: the UTC instant without a zone (spec §4.2). */
export function timestampValue(date: Date): string {
  return date.toISOString().slice(0, 23);
}

export function readScalar(schema: SchemaModel, field: ScalarField, json: unknown): ScalarInput {
  switch (field.type) {
    case 'String':
    case 'Cuid':
      return typeof json === 'string' ? valid(json) : INVALID;
    case 'Enum': {
      const values = field.enum === null ? undefined : findEnum(schema, field.enum)?.values;
      return typeof json === 'string' && values?.includes(json) ? valid(json) : INVALID;
    }
    case 'Int':
      return typeof json === 'number' && Number.isInteger(json) && json >= INT_MIN && json <= INT_MAX ? valid(json) : INVALID;
    case 'Float':
      return typeof json === 'number' && Number.isFinite(json) ? valid(json) : INVALID;
    case 'Boolean':
      return typeof json === 'boolean' ? valid(json) : INVALID;
    case 'DateTime': {
      const date = typeof json === 'string' ? parseImportDateTime(json) : null;
      return date ? valid(timestampValue(date)) : INVALID;
    }
    case 'Json':
      return json === undefined ? INVALID : valid(JSON.stringify(json));
    case 'UUID': {
      const uuid = typeof json === 'string' ? canonicalUuid(json) : null;
      return uuid ? valid(uuid) : INVALID;
    }
  }
}
