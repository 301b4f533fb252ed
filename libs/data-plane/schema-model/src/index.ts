export * from './schema.model.js';
export * from './schema.queries.js';
export { SchemaModelError, deepFreeze, parseSchemaJson, serializeSchema } from './schema.json.js';
export { createCuid } from './cuid.js';
