export * from './schema.model.js';
export * from './schema.queries.js';
export { SchemaModelError, deepFreeze, parseSchemaJson, serializeSchema } from './schema.json.js';
export { createCuid } from './cuid.js';
export { RenameLookup, type Renames } from './renames.js';
export { MAX_RELATION_NAME_LENGTH, generateRelationName, isValidRelationName, orderModels } from './relation-names.js';
