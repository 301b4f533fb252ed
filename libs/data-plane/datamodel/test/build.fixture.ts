// Builds a schema the way tests want it: deterministic identifiers, and a failed build is a test
// failure that prints the errors.
import type { RelationField, ScalarField, SchemaModel } from '@refract/schema-model';
import { findModel, findRelation } from '@refract/schema-model';
import { buildSchema, type BuildOptions } from '../src/build-schema.js';

export function counterIdentifiers(prefix = 'model'): () => string {
  let next = 0;
  return () => `${prefix}${++next}`;
}

export function build(sdl: string, options: BuildOptions = {}): SchemaModel {
  const result = buildSchema(sdl, { newIdentifier: counterIdentifiers(), ...options });
  if (!result.ok) throw new Error(`build failed: ${JSON.stringify(result.errors, null, 2)}`);
  return result.schema;
}

export function relation(schema: SchemaModel, name: string) {
  const found = findRelation(schema, name);
  if (!found) throw new Error(`no relation ${name}; have ${schema.relations.map((r) => r.name).join(', ')}`);
  return found;
}

export function field(schema: SchemaModel, model: string, name: string) {
  const found = findModel(schema, model)?.fields.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${model}.${name}`);
  return found;
}

export function scalar(schema: SchemaModel, model: string, name: string): ScalarField {
  const found = field(schema, model, name);
  if (found.kind !== 'scalar') throw new Error(`${model}.${name} is not scalar`);
  return found;
}

export function relationField(schema: SchemaModel, model: string, name: string): RelationField {
  const found = field(schema, model, name);
  if (found.kind !== 'relation') throw new Error(`${model}.${name} is not a relation field`);
  return found;
}
