// Shared by the schema tests: a datamodel in, the API schema out, and a printed form that keeps
// each type's field order (the spec fixes it) but lists the types by name, so a snapshot diff shows
// what changed rather than a change of traversal order.
import { buildSchema } from '@refract/datamodel';
import type { DatamodelFormat, SchemaModel } from '@refract/schema-model';
import { isSpecifiedScalarType, printType, type GraphQLSchema } from 'graphql';
import { buildProjectSchema, type ProjectSchemaOptions } from '../src/index.ts';

export function schemaModelOf(sdl: string, format?: DatamodelFormat): SchemaModel {
  const result = buildSchema(sdl, format ? { format } : {});
  if (!result.ok) throw new Error(`invalid datamodel: ${result.errors.map((e) => e.description).join('; ')}`);
  return result.schema;
}

export function apiSchemaOf(sdl: string, options: ProjectSchemaOptions & { format?: DatamodelFormat } = {}): GraphQLSchema {
  return buildProjectSchema(schemaModelOf(sdl, options.format), options);
}

export function printSorted(schema: GraphQLSchema): string {
  const types = Object.values(schema.getTypeMap())
    .filter((type) => !type.name.startsWith('__') && !isSpecifiedScalarType(type))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return `${types.map((type) => printType(type)).join('\n\n')}\n`;
}

/** The Appendix B datamodel of the spec. */
export const WORKED_EXAMPLE = `
type User {
  id: ID! @id
  email: String! @unique
  name: String
  role: Role! @default(value: USER)
  posts: [Post!]!
  profile: Profile @relation(link: INLINE)
  createdAt: DateTime! @createdAt
  updatedAt: DateTime! @updatedAt
}
type Profile { id: ID! @id  bio: String  user: User! }
type Post {
  id: ID! @id
  title: String!
  published: Boolean! @default(value: false)
  tags: [String] @scalarList(strategy: RELATION)
  meta: Json
  author: User!
  categories: [Category!]!
  createdAt: DateTime! @createdAt
}
type Category { id: ID! @id  name: String! @unique }
enum Role { USER ADMIN }
`;
