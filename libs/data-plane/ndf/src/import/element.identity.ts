// The `_typeName` and `id` every node and list element carries, and the `{_typeName, id, fieldName}`
// sides of a relation pair. A missing or mistyped one, or a model the project does not have, means
// the body is not an import of this project: the request fails (HTTP 500), as in Prisma.
import { findModel, type Model, type SchemaModel } from '@refract/schema-model';
import { NdfError, describeJson } from '../ndf.errors.js';

export interface ElementIdentity {
  readonly model: Model;
  readonly id: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function modelNamed(schema: SchemaModel, name: unknown, element: unknown): Model {
  if (typeof name !== 'string') throw new NdfError(`The element ${describeJson(element)} needs a _typeName string.`);
  const model = findModel(schema, name);
  if (!model) throw new NdfError(`The element ${describeJson(element)} names the type '${name}', which is not a model of this project.`);
  return model;
}

/** The model and id of a node or list element; `fields` are its other keys. */
export function elementIdentity(schema: SchemaModel, element: unknown): ElementIdentity {
  if (!isJsonObject(element)) throw new NdfError(`Every value must be an object with _typeName and id, not ${describeJson(element)}.`);
  const { _typeName, id, ...fields } = element;
  const model = modelNamed(schema, _typeName, element);
  if (typeof id !== 'string') throw new NdfError(`The element ${describeJson(element)} needs an id string.`);
  return { model, id, fields };
}
