// The only way SQL is built in Refract (ARCHITECTURE.md §2): a tagged template in which every
// interpolated value becomes a `$n` placeholder and identifiers are quoted by `sql.ident`. Text
// comes only from the template literals written in our source, never from input.

const SQL = Symbol('sql');

/** Values node-postgres can send as parameters. */
export type SqlValue = string | number | bigint | boolean | Date | null | Buffer | readonly unknown[] | { readonly [key: string]: unknown };

/**
 * A fragment is a small tree: building one is O(1) (no copying of nested fragments), and
 * `compile` walks the tree once. That matters because the query compiler nests hundreds of
 * fragments per statement on every request.
 */
type Node =
  | { readonly kind: 'template'; readonly strings: readonly string[]; readonly values: readonly (Sql | SqlValue)[] }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value'; readonly value: SqlValue }
  | { readonly kind: 'join'; readonly items: readonly (Sql | SqlValue)[]; readonly separator: Sql };

/** A fragment of SQL: text written in our source plus parameter values. Immutable. */
export interface Sql {
  readonly [SQL]: Node;
}

/** A statement ready for node-postgres: `client.query(text, values)`. */
export interface CompiledSql {
  readonly text: string;
  readonly values: readonly SqlValue[];
}

export class SqlError extends Error {
  override readonly name = 'SqlError';
}

function fragment(node: Node): Sql {
  return { [SQL]: node };
}

export function isSql(value: unknown): value is Sql {
  return typeof value === 'object' && value !== null && SQL in value;
}

/** sql`SELECT * FROM ${sql.ident(schema, table)} WHERE id = ${id}` */
export function sql(strings: TemplateStringsArray, ...values: readonly (Sql | SqlValue)[]): Sql {
  return fragment({ kind: 'template', strings, values });
}

/** Quotes one identifier: `"a""b"`. (PostgreSQL truncates identifiers longer than 63 bytes; names that must survive that, such as index names, are shortened by their builders.) */
function quoteIdentifier(name: string): string {
  const known = quoted.get(name);
  if (known !== undefined) return known;
  if (name.length === 0) throw new SqlError('An SQL identifier cannot be empty.');
  if (name.includes('\u0000')) throw new SqlError('An SQL identifier cannot contain a NUL character.');
  const result = `"${name.replaceAll('"', '""')}"`;
  // A project has few distinct names (tables, columns, aliases); quoting them once is enough.
  if (quoted.size < 10_000) quoted.set(name, result);
  return result;
}

const quoted = new Map<string, string>();

/** A possibly qualified identifier: `sql.ident('default$default', 'User')` → `"default$default"."User"`. */
sql.ident = (...names: readonly string[]): Sql => {
  if (names.length === 0) throw new SqlError('sql.ident needs at least one name.');
  return fragment({ kind: 'text', text: names.length === 1 ? quoteIdentifier(names[0]!) : names.map(quoteIdentifier).join('.') });
};

/** An explicit parameter (the same as interpolating the value). */
sql.value = (value: SqlValue): Sql => fragment({ kind: 'value', value });

/**
 * An inline literal, for the few places PostgreSQL accepts no parameter (DDL: `START 100`,
 * `nextval('"s"."seq"'::regclass)`). Strings are quoted with quotes doubled; numbers must be finite.
 */
sql.literal = (value: string | number | boolean): Sql => {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SqlError(`Not a finite number: ${value}`);
    return fragment({ kind: 'text', text: String(value) });
  }
  if (typeof value === 'boolean') return fragment({ kind: 'text', text: value ? 'true' : 'false' });
  if (value.includes('\u0000')) throw new SqlError('An SQL literal cannot contain a NUL character.');
  return fragment({ kind: 'text', text: `'${value.replaceAll("'", "''")}'` });
};

/** Joins fragments (or values, which become parameters) with a separator fragment. */
sql.join = (items: readonly (Sql | SqlValue)[], separator: Sql = COMMA): Sql => fragment({ kind: 'join', items, separator });

const COMMA = fragment({ kind: 'text', text: ', ' });

/** The empty fragment, for optional clauses. */
sql.empty = fragment({ kind: 'text', text: '' });

/** Numbers the placeholders `$1…$n` and collects the values. */
export function compile(query: Sql): CompiledSql {
  let text = '';
  const values: SqlValue[] = [];
  const walk = (item: Sql | SqlValue): void => {
    if (!isSql(item)) {
      values.push(item);
      text += `$${values.length}`;
      return;
    }
    const node = item[SQL];
    switch (node.kind) {
      case 'text':
        text += node.text;
        return;
      case 'value':
        values.push(node.value);
        text += `$${values.length}`;
        return;
      case 'template':
        for (let i = 0; i < node.strings.length; i++) {
          text += node.strings[i];
          if (i < node.values.length) walk(node.values[i] as Sql | SqlValue);
        }
        return;
      case 'join':
        for (let i = 0; i < node.items.length; i++) {
          if (i > 0) walk(node.separator);
          walk(node.items[i] as Sql | SqlValue);
        }
        return;
    }
  };
  walk(query);
  return { text, values };
}
