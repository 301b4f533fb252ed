// Sequences behind Int ids the database assigns (spec §4.3). They are created before their table
// and are the only SQL DEFAULT of the layout.
import { compile, sql, type Sql } from '@refract/sql';
import type { IdSequence } from '../table-names.js';

export function createSequence(schemaName: string, sequence: IdSequence): Sql {
  // IF NOT EXISTS because CreateModel tolerates an existing table (see model.ddl.ts), and an
  // existing table brings its sequence.
  return sql`CREATE SEQUENCE IF NOT EXISTS ${sql.ident(schemaName, sequence.name)} START ${sql.literal(sequence.start)}`;
}

/** IF EXISTS: Prisma 1 never dropped sequences, so a database it created may lack the one we expect. */
export function dropSequence(schemaName: string, name: string): Sql {
  return sql`DROP SEQUENCE IF EXISTS ${sql.ident(schemaName, name)}`;
}

/** IF EXISTS for the same reason as {@link dropSequence}; the column default follows by OID. */
export function renameSequence(schemaName: string, from: string, to: string): Sql {
  return sql`ALTER SEQUENCE IF EXISTS ${sql.ident(schemaName, from)} RENAME TO ${sql.ident(to)}`;
}

/**
 * `nextval('"schema"."seq"'::regclass)`. nextval takes the sequence as text, so the quoted,
 * qualified name (quoted exactly as sql.ident quotes it) becomes a string literal.
 */
export function nextvalDefault(schemaName: string, name: string): Sql {
  return sql`nextval(${sql.literal(compile(sql.ident(schemaName, name)).text)}::regclass)`;
}
