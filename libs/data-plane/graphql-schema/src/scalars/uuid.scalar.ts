// `scalar UUID` (PostgreSQL only, spec §2.1, §7.7): text in, canonical lower-case text out.
// Prisma parses with java.util.UUID.fromString, which also takes upper case and unpadded groups
// (`1-2-3-4-5`); those are accepted here too and zero-padded to the canonical form.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** Prisma's message for a UUID coercion violation. */
export const UUID_ERROR = 'This is not a valid type 4 UUID.';

const GROUP_LENGTHS = [8, 4, 4, 4, 12];
const UUID_PATTERN = /^([0-9a-f]{1,8})-([0-9a-f]{1,4})-([0-9a-f]{1,4})-([0-9a-f]{1,4})-([0-9a-f]{1,12})$/i;

/** The canonical lower-case form of a UUID text, or null if it is not one. */
export function canonicalUuid(text: string): string | null {
  const m = UUID_PATTERN.exec(text);
  if (!m) return null;
  return GROUP_LENGTHS.map((length, i) => m[i + 1]!.toLowerCase().padStart(length, '0')).join('-');
}

function coerce(value: unknown): string {
  const uuid = typeof value === 'string' ? canonicalUuid(value) : null;
  if (uuid === null) throw new GraphQLError(UUID_ERROR);
  return uuid;
}

export const GraphQLUUID = new GraphQLScalarType<string, string>({
  name: 'UUID',
  description: 'A type 4 UUID according to IETF RFC 4122.',
  serialize: coerce,
  parseValue: coerce,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(UUID_ERROR, { nodes: ast });
    return coerce(ast.value);
  },
});
