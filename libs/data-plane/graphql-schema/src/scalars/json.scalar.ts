// `scalar Json` ("Raw JSON value", spec §2.1, §18.1 item 10). Prisma 1's asymmetry is deliberate
// and clients depend on it: a variable must be a JSON object or array (prisma-client-lib sends Json
// that way), while a literal in the document must be a string holding JSON text. Output is the
// JSON value itself, not a string.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** Sangria's message for Prisma's Json coercion violation. */
export const JSON_ERROR = 'Not valid JSON';

export const GraphQLJson = new GraphQLScalarType<unknown, unknown>({
  name: 'Json',
  description: 'Raw JSON value',
  serialize: (value) => value,
  parseValue(value) {
    // Strings, numbers and booleans are valid JSON, but Prisma rejects them as variables.
    if (typeof value === 'object' && value !== null) return value;
    throw new GraphQLError(JSON_ERROR);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(JSON_ERROR, { nodes: ast });
    try {
      return JSON.parse(ast.value) as unknown;
    } catch {
      throw new GraphQLError(JSON_ERROR, { nodes: ast });
    }
  },
});
