// @refract/graphql-schema: pipeline stage 6, the schema model as the Prisma 1 CRUD API (spec §6).
export { buildProjectSchema, type ProjectSchemaOptions } from './builder/project-schema.builder.js';
export * as inflection from './inflection/api-names.inflection.js';
export { camelCase, capitalize, plural } from './inflection/api-names.inflection.js';
export { englishPlural } from './inflection/english.inflector.js';
export {
  REFRACT_EXTENSION,
  ROOT_OPERATIONS,
  modelOfType,
  objectTypeInfo,
  rootFieldInfo,
  type ObjectTypeInfo,
  type RootFieldInfo,
  type RootOperation,
} from './annotations/refract.extensions.js';
export { DATE_TIME_ERROR, GraphQLDateTime } from './scalars/date-time.scalar.js';
export { JSON_ERROR, GraphQLJson } from './scalars/json.scalar.js';
export { LONG_ERROR, GraphQLLong } from './scalars/long.scalar.js';
export { UUID_ERROR, GraphQLUUID, canonicalUuid } from './scalars/uuid.scalar.js';
export { formatDateTime, parseIsoDateTime } from './scalars/iso-date-time.parser.js';
