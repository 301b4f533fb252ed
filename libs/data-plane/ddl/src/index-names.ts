// Index names the API depends on (spec §4.3, §8.9): a unique violation is mapped back to its field
// by the index name, and drops must find the index a create made. PostgreSQL silently truncates
// identifiers longer than 63 bytes, so names are truncated here exactly as PostgreSQL would and the
// statements carry the truncated name: the same function serves create, rename, drop and the API.

const utf8 = new TextEncoder();

/** NAMEDATALEN - 1: the longest identifier PostgreSQL keeps. */
export const MAX_IDENTIFIER_BYTES = 63;

/**
 * Cuts a name to 63 bytes of UTF-8 without splitting a character, as PostgreSQL's
 * `truncate_identifier` does for a UTF-8 database.
 */
export function truncateIdentifier(name: string): string {
  if (utf8.encode(name).length <= MAX_IDENTIFIER_BYTES) return name;
  let bytes = 0;
  let kept = '';
  for (const char of name) {
    bytes += utf8.encode(char).length;
    if (bytes > MAX_IDENTIFIER_BYTES) break;
    kept += char;
  }
  return kept;
}

/** `"<schema>.<Table>.<column>._UNIQUE"` — one identifier, dots included. */
export function uniqueIndexName(schemaName: string, table: string, column: string): string {
  return truncateIdentifier(`${schemaName}.${table}.${column}._UNIQUE`);
}

/**
 * `<link table>_AB_unique`. Prisma derives it from the table name, so a `_Relation` table gives
 * `_Relation_AB_unique` and a `@relationTable` named `post_tags` gives `post_tags_AB_unique`.
 */
export function linkTableUniqueIndexName(table: string): string {
  return truncateIdentifier(`${table}_AB_unique`);
}

/** `<link table>_B`: the index for lookups from side B (the unique index serves side A). */
export function linkTableBIndexName(table: string): string {
  return truncateIdentifier(`${table}_B`);
}
