// Schemas for tests: built from SDL by the real datamodel front end, with deterministic stable
// identifiers; a failed build is a test failure that prints the errors.
import { buildSchema, type BuildOptions } from '@refract/datamodel';
import type { SchemaModel } from '@refract/schema-model';

export function build(sdl: string, options: BuildOptions = {}): SchemaModel {
  let next = 0;
  const result = buildSchema(sdl, { newIdentifier: () => `model${++next}`, ...options });
  if (!result.ok) throw new Error(`build failed: ${JSON.stringify(result.errors, null, 2)}`);
  return result.schema;
}
