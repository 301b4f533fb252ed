// Prisma 1's per-row import errors, word for word (spec §14.2; BulkImport.scala, ImportActions.scala),
// typos included: the CLI prints them as they come.

export const importMessages = {
  unknownField: (model: string, id: string, field: string) => `The model ${model} with id ${id} has an unknown field '${field}' in field list.`,
  invalidValue: (model: string, id: string, field: string) => `The model ${model} with id ${id} has an invalid value for field' ${field}'.`,
  nodeInsert: (table: string, id: string, cause: string) => `Failure inserting ${table} with Id: ${id}. Cause: ${cause}`,
  relayInsert: (id: string, cause: string) => `Failure inserting RelayRow with Id: ${id}. Cause: ${cause}`,
  listInsert: (table: string, id: string, value: string, cause: string) => `Failure inserting into listTable ${table} for the id ${id} for value ${value}. Cause: ${cause}`,
  relationInsert: (table: string, a: string, b: string, cause: string) => `Failure inserting into relationtable ${table} with ids ${a} and ${b}. Cause: ${cause}`,
};

/** The cause of a failed statement as Prisma printed it: PostgreSQL's message, then its detail. */
export function databaseCause(error: unknown): string {
  const { message, detail } = error as { message?: unknown; detail?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  return typeof detail === 'string' && detail !== '' ? `${text}\n  Detail: ${detail}` : text;
}

/** How a list value appears in a message: strings bare (as Scala printed them), the rest as JSON. */
export function valueText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}
