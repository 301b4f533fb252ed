// `deploy(noMigration: true)` (CLI `--no-migrate`, spec §5.3 step 3): no steps are planned; instead
// the datamodel is checked against the tables that already exist, so a project can adopt a
// database written by someone else (a Prisma 1 server, a hand-made schema) without touching it.
import { columnName, getRelation, relationFields, scalarFields, tableName, type ScalarTypeIdentifier, type SchemaModel } from '@refract/schema-model';
import { scalarListTableName } from '@refract/ddl';
import { sql } from '@refract/sql';
import type pg from 'pg';
import { query } from '@refract/pg-executor';

export interface DatabaseProblem {
  readonly type: string;
  readonly field: string | null;
  readonly description: string;
}

interface ColumnInfo {
  readonly table_name: string;
  readonly column_name: string;
  readonly data_type: string;
  readonly is_nullable: 'YES' | 'NO';
}

/** The `information_schema` data types each field type may be stored in. */
const COMPATIBLE: Record<ScalarTypeIdentifier, readonly string[]> = {
  String: ['text', 'character varying', 'character'],
  Enum: ['text', 'character varying', 'character'],
  Json: ['text', 'json', 'jsonb', 'character varying'],
  Cuid: ['character varying', 'character', 'text'],
  Int: ['integer', 'smallint', 'bigint'],
  Float: ['numeric', 'double precision', 'real'],
  Boolean: ['boolean'],
  DateTime: ['timestamp without time zone', 'timestamp with time zone'],
  UUID: ['uuid'],
};

export async function checkAgainstDatabase(pool: pg.Pool, projectId: string, schema: SchemaModel): Promise<DatabaseProblem[]> {
  const rows = await query<ColumnInfo>(
    pool,
    sql`SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = ${projectId}`,
  );
  const tables = new Map<string, Map<string, ColumnInfo>>();
  for (const row of rows) {
    if (!tables.has(row.table_name)) tables.set(row.table_name, new Map());
    tables.get(row.table_name)!.set(row.column_name, row);
  }
  const problems: DatabaseProblem[] = [];
  const missingColumn = (model: string, field: string) =>
    problems.push({ type: model, field, description: `Could not find the column for the field \`${field}\` in the database.` });

  for (const model of schema.models) {
    const table = tables.get(tableName(model));
    if (!table) {
      problems.push({ type: model.name, field: null, description: `Could not find the table for the model \`${model.name}\` in the database.` });
      continue;
    }
    for (const field of scalarFields(model)) {
      if (field.isList) {
        if (!tables.has(scalarListTableName(tableName(model), columnName(field)))) missingColumn(model.name, field.name);
        continue;
      }
      const column = table.get(columnName(field));
      if (!column) {
        missingColumn(model.name, field.name);
      } else if (!COMPATIBLE[field.type].includes(column.data_type)) {
        problems.push({
          type: model.name,
          field: field.name,
          description: `The underlying column for the field \`${field.name}\` has an incompatible type. The field has type \`${field.type}\` and the column has type \`${column.data_type}\`.`,
        });
      } else if (column.is_nullable === 'NO' && !field.isRequired) {
        problems.push({
          type: model.name,
          field: field.name,
          description: `The underlying column for the field \`${field.name}\` is required but the field is declared optional. Please declare it as required: \`${field.name}: ...!\`.`,
        });
      }
    }
    for (const field of relationFields(model).filter((f) => !f.isHidden)) {
      const m = getRelation(schema, field.relationName).manifestation;
      const present = m.kind === 'table' ? tables.has(m.table) : m.inTableOfModel !== model.name || table.has(m.referencingColumn);
      if (!present) missingColumn(model.name, field.name);
    }
  }
  return problems;
}
