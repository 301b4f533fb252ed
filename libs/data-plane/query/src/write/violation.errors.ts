// Constraint violations PostgreSQL reports during a write, as Prisma 1's errors (spec §8.9): a
// unique index or primary key names the field (3010), a foreign key means a node that does not
// exist (3011), a NOT NULL column a required field left empty (3020).
import { uniqueIndexName } from '@refract/ddl';
import { columnName, scalarFields, tableName, type SchemaModel } from '@refract/schema-model';
import { mutationErrors, type QueryError } from '../query.errors.js';
import type { WriteContext } from './write.context.js';

const violationMaps = new WeakMap<SchemaModel, Map<string, Map<string, { model: string; field: string }>>>();

/** Constraint name → the field it guards: `<schema>.<Table>.<column>._UNIQUE` and `<Table>_pkey`. */
function uniqueConstraints(schema: SchemaModel, schemaName: string): Map<string, { model: string; field: string }> {
  let bySchema = violationMaps.get(schema);
  if (!bySchema) violationMaps.set(schema, (bySchema = new Map()));
  let map = bySchema.get(schemaName);
  if (map) return map;
  map = new Map();
  for (const model of schema.models) {
    for (const field of scalarFields(model)) {
      if (field.isId) map.set(`${tableName(model)}_pkey`, { model: model.name, field: field.name });
      else if (field.isUnique) map.set(uniqueIndexName(schemaName, tableName(model), columnName(field)), { model: model.name, field: field.name });
    }
  }
  bySchema.set(schemaName, map);
  return map;
}

/** Spec §8.9: SQLSTATE 23505 → 3010, 23503 → 3011, 23502 → 3020; null for anything else. */
export function violationError(ctx: WriteContext, error: unknown): QueryError | null {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: string };
  switch (code) {
    case '23505': {
      const guarded = constraint === undefined ? undefined : uniqueConstraints(ctx.schema, ctx.schemaName).get(constraint);
      return guarded ? mutationErrors.uniqueViolation(guarded.model, guarded.field) : null;
    }
    case '23503':
      return mutationErrors.nodeDoesNotExist();
    case '23502':
      return mutationErrors.fieldCannotBeNull('');
    default:
      return null;
  }
}
