// Reads a project schema's layout back from the PostgreSQL catalog, in a form that reads like the
// layout of spec §4: tables with their columns in order, constraints, indexes and sequences. Names
// inside the schema are printed unqualified (the schema is put on the search path while reading),
// so anything that points outside the schema would show up qualified.
import type { ClientBase } from 'pg';

export interface Layout {
  /** Table → its columns in order: `name type [NOT NULL] [DEFAULT …]`. */
  readonly tables: Record<string, string[]>;
  /** Table → `constraint name: definition`, sorted by name. */
  readonly constraints: Record<string, string[]>;
  /** Table → `index name: [UNIQUE ]method (columns)`, sorted by name. */
  readonly indexes: Record<string, string[]>;
  /** `name START n`, sorted by name. */
  readonly sequences: string[];
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  datetime_precision: number | null;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
}

export async function readLayout(client: ClientBase, schemaName: string): Promise<Layout> {
  await client.query('BEGIN');
  try {
    const quoted = await client.query<{ quoted: string }>('SELECT quote_ident($1) AS quoted', [schemaName]);
    await client.query(`SELECT set_config('search_path', $1, true)`, [quoted.rows[0]!.quoted]);
    const columns = await client.query<ColumnRow>(
      `SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, numeric_scale,
              datetime_precision, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema = $1 ORDER BY table_name, ordinal_position`,
      [schemaName],
    );
    const constraints = await client.query<{ table_name: string; name: string; definition: string }>(
      `SELECT cl.relname AS table_name, co.conname AS name, pg_get_constraintdef(co.oid) AS definition
         FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace ns ON ns.oid = cl.relnamespace
        WHERE ns.nspname = $1`,
      [schemaName],
    );
    const indexes = await client.query<{ tablename: string; indexname: string; indexdef: string }>(
      'SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1',
      [schemaName],
    );
    const sequences = await client.query<{ name: string; start: string }>(
      `SELECT cl.relname AS name, sq.seqstart::text AS start
         FROM pg_sequence sq JOIN pg_class cl ON cl.oid = sq.seqrelid JOIN pg_namespace ns ON ns.oid = cl.relnamespace
        WHERE ns.nspname = $1`,
      [schemaName],
    );
    return {
      tables: group(columns.rows.map((c) => [c.table_name, describeColumn(c)])),
      constraints: group(constraints.rows.map((c) => [c.table_name, `${c.name}: ${c.definition}`]), true),
      indexes: group(indexes.rows.map((i) => [i.tablename, `${i.indexname}: ${describeIndex(i.indexdef)}`]), true),
      sequences: sequences.rows.map((s) => `${s.name} START ${s.start}`).sort(),
    };
  } finally {
    await client.query('COMMIT');
  }
}

function describeColumn(c: ColumnRow): string {
  const type = (() => {
    switch (c.data_type) {
      case 'character varying':
      case 'character':
        return `${c.data_type}(${c.character_maximum_length})`;
      case 'numeric':
        return `numeric(${c.numeric_precision},${c.numeric_scale})`;
      case 'timestamp without time zone':
        return `timestamp(${c.datetime_precision}) without time zone`;
      default:
        return c.data_type;
    }
  })();
  const nullability = c.is_nullable === 'NO' ? ' NOT NULL' : '';
  const fallback = c.column_default === null ? '' : ` DEFAULT ${c.column_default}`;
  return `${c.column_name} ${type}${nullability}${fallback}`;
}

/** `CREATE UNIQUE INDEX "n" ON "s"."t" USING btree (a, b)` → `UNIQUE btree (a, b)`. */
function describeIndex(definition: string): string {
  const using = definition.slice(definition.indexOf(' USING ') + ' USING '.length);
  return definition.startsWith('CREATE UNIQUE INDEX') ? `UNIQUE ${using}` : using;
}

function group(entries: [string, string][], sorted = false): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [key, value] of entries) (result[key] ??= []).push(value);
  if (sorted) for (const values of Object.values(result)) values.sort();
  return result;
}
