// PostgreSQL writes each exported element as compact JSON text. The constant parts of an element
// (type name, keys, field names) are written here with JSON.stringify and sent as text parameters;
// PostgreSQL fills in the values with `to_json`, in the API's output formats (spec §7.7, through
// `jsonOutput`: DateTime `yyyy-MM-ddTHH:mm:ss.SSSZ`, Float as a number, Json embedded).
import { jsonOutput } from '@refract/query';
import type { ScalarField } from '@refract/schema-model';
import { sql, type Sql } from '@refract/sql';

/** A text parameter (the JSON punctuation and names around the values). */
export function text(value: string): Sql {
  return sql`${value}::text`;
}

/** The JSON text of a column as the API outputs it. */
export function valueJson(field: Pick<ScalarField, 'type'>, column: Sql): Sql {
  return sql`to_json(${jsonOutput(field.type, column)})::text`;
}

/** The JSON text of an id as a string, whatever the id's type (relation sides, spec §14.1). */
export function idStringJson(column: Sql): Sql {
  return sql`to_json(${column}::text)::text`;
}

/** `"key":` as JSON text, preceded by a comma. */
export function jsonKey(name: string): string {
  return `,${JSON.stringify(name)}:`;
}

/** `{"_typeName":"Model","id":` */
export function elementStart(modelName: string): string {
  return `{"_typeName":${JSON.stringify(modelName)},"id":`;
}

/** One side of a relation pair up to its id: `{"_typeName":"Model","id":`. */
export function sideStart(modelName: string): string {
  return elementStart(modelName);
}

/** The end of a relation side after its id: `,"fieldName":"f"}`, or `}` for a hidden side. */
export function sideEnd(fieldName: string | null): string {
  return fieldName === null ? '}' : `,"fieldName":${JSON.stringify(fieldName)}}`;
}
