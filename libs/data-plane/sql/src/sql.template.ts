// The only way SQL is built in Refract (ARCHITECTURE.md §2): a tagged template in which every
// interpolated value becomes a `$n` placeholder and identifiers are quoted by `sql.ident`. Text
// comes only from the template literals written in our source, never from input.

const SQL = Symbol('sql');

/** Values node-postgres can send as parameters. */
export type SqlValue = string | number | bigint | boolean | Date | null | Buffer | readonly unknown[] | { readonly [key: string]: unknown };

type Part =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value'; readonly value: SqlValue };

/** A fragment of SQL: text written in our source plus parameter values. Immutable. */
export interface Sql {
  readonly [SQL]: readonly Part[];
}

/** A statement ready for node-postgres: `client.query(text, values)`. */
export interface CompiledSql {
  readonly text: string;
  readonly values: readonly SqlValue[];
}

export class SqlError extends Error {
  override readonly name = 'SqlError';
}

function fragment(parts: readonly Part[]): Sql {
  return Object.freeze({ [SQL]: Object.freeze(parts) });
}

export function isSql(value: unknown): value is Sql {
  return typeof value === 'object' && value !== null && SQL in value;
}

function partsOf(value: Sql | SqlValue): readonly Part[] {
  return isSql(value) ? value[SQL] : [{ kind: 'value', value }];
}

/** sql`SELECT * FROM ${sql.ident(schema, table)} WHERE id = ${id}` */
export function sql(strings: TemplateStringsArray, ...values: readonly (Sql | SqlValue)[]): Sql {
  const parts: Part[] = [];
  strings.forEach((text, i) => {
    if (text) parts.push({ kind: 'text', text });
    if (i < values.length) parts.push(...partsOf(values[i] as Sql | SqlValue));
  });
  return fragment(parts);
}

/** Quotes one identifier: `"a""b"`. (PostgreSQL truncates identifiers longer than 63 bytes; names that must survive that, such as index names, are shortened by their builders.) */
function quoteIdentifier(name: string): string {
  if (name.length === 0) throw new SqlError('An SQL identifier cannot be empty.');
  if (name.includes('\u0000')) throw new SqlError('An SQL identifier cannot contain a NUL character.');
  return `"${name.replaceAll('"', '""')}"`;
}

/** A possibly qualified identifier: `sql.ident('default$default', 'User')` → `"default$default"."User"`. */
sql.ident = (...names: readonly string[]): Sql => {
  if (names.length === 0) throw new SqlError('sql.ident needs at least one name.');
  return fragment([{ kind: 'text', text: names.map(quoteIdentifier).join('.') }]);
};

/** An explicit parameter (the same as interpolating the value). */
sql.value = (value: SqlValue): Sql => fragment([{ kind: 'value', value }]);

/**
 * An inline literal, for the few places PostgreSQL accepts no parameter (DDL: `START 100`,
 * `nextval('"s"."seq"'::regclass)`). Strings are quoted with quotes doubled; numbers must be finite.
 */
sql.literal = (value: string | number | boolean): Sql => {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SqlError(`Not a finite number: ${value}`);
    return fragment([{ kind: 'text', text: String(value) }]);
  }
  if (typeof value === 'boolean') return fragment([{ kind: 'text', text: value ? 'true' : 'false' }]);
  if (value.includes('\u0000')) throw new SqlError('An SQL literal cannot contain a NUL character.');
  return fragment([{ kind: 'text', text: `'${value.replaceAll("'", "''")}'` }]);
};

/** Joins fragments (or values, which become parameters) with a separator fragment. */
sql.join = (items: readonly (Sql | SqlValue)[], separator: Sql = sql`, `): Sql => {
  const parts: Part[] = [];
  items.forEach((item, i) => {
    if (i > 0) parts.push(...separator[SQL]);
    parts.push(...partsOf(item));
  });
  return fragment(parts);
};

/** The empty fragment, for optional clauses. */
sql.empty = fragment([]);

/** Numbers the placeholders `$1…$n` and collects the values. */
export function compile(query: Sql): CompiledSql {
  let text = '';
  const values: SqlValue[] = [];
  for (const part of query[SQL]) {
    if (part.kind === 'text') text += part.text;
    else {
      values.push(part.value);
      text += `$${values.length}`;
    }
  }
  return { text, values };
}
