// The rules of spec §6 that a snapshot would only show in passing: what is omitted, pruned, named
// differently for one-sided relations, and which models implement Node.
import {
  GraphQLInputObjectType,
  GraphQLObjectType,
  assertInputObjectType,
  assertObjectType,
  printSchema,
  validateSchema,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildProjectSchema } from '../src/index.ts';
import { WORKED_EXAMPLE, apiSchemaOf, schemaModelOf } from './schema.fixtures.ts';

const fieldsOf = (schema: GraphQLSchema, type: string) => Object.keys(assertObjectType(schema.getType(type)).getFields());
const inputFieldsOf = (schema: GraphQLSchema, type: string) => Object.keys(assertInputObjectType(schema.getType(type)).getFields());
const printedField = (schema: GraphQLSchema, type: string, field: string) => {
  const t = schema.getType(type);
  if (!(t instanceof GraphQLObjectType || t instanceof GraphQLInputObjectType)) throw new Error(`${type} has no fields`);
  return String(t.getFields()[field]?.type);
};

describe('root fields (spec §6.2)', () => {
  const schema = apiSchemaOf(WORKED_EXAMPLE);

  it('orders queries: all lists, all single queries, all connections, node', () => {
    expect(fieldsOf(schema, 'Query')).toEqual([
      'users', 'profiles', 'posts', 'categories',
      'user', 'profile', 'post', 'category',
      'usersConnection', 'profilesConnection', 'postsConnection', 'categoriesConnection',
      'node',
    ]);
  });

  it('orders mutations by kind and has no executeRaw without raw access', () => {
    const mutations = fieldsOf(schema, 'Mutation');
    expect(mutations.map((name) => /^[a-z]+(?:Many)?/.exec(name)![0])).toEqual([
      ...Array(4).fill('create'), ...Array(4).fill('update'), ...Array(4).fill('delete'), ...Array(4).fill('upsert'),
      ...Array(4).fill('updateMany'), ...Array(4).fill('deleteMany'),
    ]);
    expect(schema.getType('PrismaDatabase')).toBeUndefined();
  });

  it('adds executeRaw(database: PrismaDatabase, query: String!): Json! with rawAccess', () => {
    const raw = apiSchemaOf(WORKED_EXAMPLE, { rawAccess: true });
    expect(fieldsOf(raw, 'Mutation').at(-1)).toBe('executeRaw');
    expect(printSchema(raw)).toContain('executeRaw(database: PrismaDatabase, query: String!): Json!');
    expect(printSchema(raw)).toContain('enum PrismaDatabase {\n  default\n}');
  });

  it('types the arguments as the client sends them in variables (spec §16)', () => {
    const printed = printSchema(schema);
    expect(printed).toContain('createPost(data: PostCreateInput!): Post!');
    expect(printed).toContain('updatePost(data: PostUpdateInput!, where: PostWhereUniqueInput!): Post');
    expect(printed).toContain('upsertPost(where: PostWhereUniqueInput!, create: PostCreateInput!, update: PostUpdateInput!): Post!');
    expect(printed).toContain('updateManyCategories(data: CategoryUpdateManyMutationInput!, where: CategoryWhereInput): BatchPayload!');
    expect(printed).toContain('post(where: PostWhereUniqueInput!): Post');
    expect(printed).toContain('posts(where: PostWhereInput, orderBy: PostOrderByInput, skip: Int, after: String, before: String, first: Int, last: Int): [Post]!');
    expect(printed).toContain('post(where: PostSubscriptionWhereInput): PostSubscriptionPayload');
  });

  it('has neither Mutation nor Subscription without models', () => {
    const empty = buildProjectSchema({ format: 1, datamodelFormat: '1.1', models: [], relations: [], enums: [] });
    expect(validateSchema(empty)).toEqual([]);
    expect(empty.getMutationType()).toBeUndefined();
    expect(empty.getSubscriptionType()).toBeUndefined();
    expect(fieldsOf(empty, 'Query')).toEqual(['node']);
  });

  it('is deterministic', () => {
    const model = schemaModelOf(WORKED_EXAMPLE);
    expect(printSchema(buildProjectSchema(model))).toBe(printSchema(buildProjectSchema(model)));
  });
});

describe('omissions and pruning', () => {
  const schema = apiSchemaOf(`
type Lonely { id: ID! @id }
type Stamped { id: ID! @id  createdAt: DateTime! @createdAt  updatedAt: DateTime! @updatedAt }
type Counter { id: Int! @id }
type Post { id: ID! @id  title: String  tags: [Tag] }
type Tag { id: ID! @id }
type Pin { id: ID! @id  board: Board! }
type Board { id: ID! @id  pins: [Pin] }
`);
  const mutations = fieldsOf(schema, 'Mutation');

  it('drops updateX, upsertX and updateManyXs for models with nothing updatable', () => {
    for (const model of ['Lonely', 'Stamped', 'Counter', 'Tag']) {
      expect(mutations).toContain(`create${model}`);
      expect(mutations).toContain(`delete${model}`);
      expect(mutations).not.toContain(`update${model}`);
      expect(mutations).not.toContain(`upsert${model}`);
    }
    expect(mutations.filter((name) => name.startsWith('updateMany'))).toEqual(['updateManyPosts']);
    expect(schema.getType('LonelyUpdateInput')).toBeUndefined();
    expect(schema.getType('LonelyUpdateManyMutationInput')).toBeUndefined();
  });

  it('keeps updateX but not updateManyXs when only relations can be updated', () => {
    expect(mutations).toContain('updateBoard');
    expect(mutations).toContain('upsertBoard');
    expect(mutations).not.toContain('updateManyBoards');
    expect(inputFieldsOf(schema, 'BoardUpdateInput')).toEqual(['pins']);
  });

  it('keeps createX without arguments when nothing can be set (Int id)', () => {
    expect(assertObjectType(schema.getMutationType()).getFields().createCounter?.args).toHaveLength(0);
    expect(schema.getType('CounterCreateInput')).toBeUndefined();
  });

  it('drops nested update/upsert/updateMany when the related model has nothing updatable', () => {
    expect(inputFieldsOf(schema, 'TagUpdateManyInput')).toEqual(['create', 'connect', 'set', 'disconnect', 'delete', 'deleteMany']);
    expect(schema.getType('TagUpdateDataInput')).toBeUndefined();
    expect(schema.getType('TagUpdateManyWithWhereNestedInput')).toBeUndefined();
    expect(schema.getType('TagUpsertWithWhereUniqueNestedInput')).toBeUndefined();
    // Pin without its board has nothing left to update, but can still be created and connected.
    expect(inputFieldsOf(schema, 'PinUpdateManyWithoutBoardInput')).toEqual(['create', 'connect', 'set', 'disconnect', 'delete', 'deleteMany']);
    expect(inputFieldsOf(schema, 'PinCreateWithoutBoardInput')).toEqual(['id']);
  });

  it('emits XScalarWhereInput only where a to-many relation uses it', () => {
    expect(schema.getType('TagScalarWhereInput')).toBeDefined();
    expect(schema.getType('PostScalarWhereInput')).toBeUndefined();
  });

  it('emits only the scalars and enums that are used', () => {
    expect(schema.getType('DateTime')).toBeDefined();
    expect(schema.getType('Json')).toBeUndefined();
    expect(schema.getType('UUID')).toBeUndefined();
    const withUnusedEnum = apiSchemaOf('type A { id: ID! @id  mood: Mood }  enum Mood { OK }  enum Unused { X }');
    expect(withUnusedEnum.getType('Mood')).toBeDefined();
    expect(withUnusedEnum.getType('Unused')).toBeUndefined();
  });
});

describe('Node (spec §6.3)', () => {
  const schema = apiSchemaOf(`
type Cuid { id: ID! @id }
type Uuid { id: UUID! @id }
type Int1 { id: Int! @id }
`);

  it('is implemented only by models whose id `id` is an ID', () => {
    const interfaces = (name: string) => assertObjectType(schema.getType(name)).getInterfaces().map((i) => i.name);
    expect(interfaces('Cuid')).toEqual(['Node']);
    expect(interfaces('Uuid')).toEqual([]);
    expect(interfaces('Int1')).toEqual([]);
    expect(validateSchema(schema)).toEqual([]);
  });
});

describe('relation inputs (spec §6.7, §6.8)', () => {
  const schema = apiSchemaOf(WORKED_EXAMPLE);

  it('names one-sided relations with the Nested variants and creates through XCreateInput', () => {
    expect(inputFieldsOf(schema, 'CategoryCreateManyInput')).toEqual(['create', 'connect']);
    expect(printedField(schema, 'CategoryCreateManyInput', 'create')).toBe('[CategoryCreateInput!]');
    expect(printedField(schema, 'CategoryUpdateManyInput', 'update')).toBe('[CategoryUpdateWithWhereUniqueNestedInput!]');
    expect(printedField(schema, 'CategoryUpdateManyInput', 'upsert')).toBe('[CategoryUpsertWithWhereUniqueNestedInput!]');
    expect(printedField(schema, 'CategoryUpdateWithWhereUniqueNestedInput', 'data')).toBe('CategoryUpdateDataInput!');
  });

  it('leaves the back field out of Without<G> inputs and marks required to-one relations', () => {
    expect(inputFieldsOf(schema, 'UserCreateWithoutPostsInput')).toEqual(['id', 'email', 'name', 'role', 'profile']);
    expect(printedField(schema, 'PostCreateInput', 'author')).toBe('UserCreateOneWithoutPostsInput!');
    expect(printedField(schema, 'UserCreateInput', 'posts')).toBe('PostCreateManyWithoutAuthorInput');
    expect(printedField(schema, 'PostUpdateInput', 'author')).toBe('UserUpdateOneRequiredWithoutPostsInput');
    expect(inputFieldsOf(schema, 'UserUpdateOneRequiredWithoutPostsInput')).toEqual(['create', 'connect', 'update', 'upsert']);
    expect(inputFieldsOf(schema, 'ProfileUpdateOneWithoutUserInput')).toEqual(['create', 'connect', 'disconnect', 'delete', 'update', 'upsert']);
  });

  it('names scalar-list inputs with the raw field name', () => {
    expect(printedField(schema, 'PostCreateInput', 'tags')).toBe('PostCreatetagsInput');
    expect(printedField(schema, 'PostCreatetagsInput', 'set')).toBe('[String!]');
    expect(printedField(schema, 'PostUpdateInput', 'tags')).toBe('PostUpdatetagsInput');
  });

  it('makes ids optional (AUTO) or required (NONE) in create inputs, and omits 1.0 ids', () => {
    const none = apiSchemaOf('type A { id: ID! @id(strategy: NONE)  x: String }  type B { id: UUID! @id  x: String }');
    expect(printedField(none, 'ACreateInput', 'id')).toBe('ID!');
    expect(printedField(none, 'BCreateInput', 'id')).toBe('UUID');
    const legacy = apiSchemaOf('type A { id: ID! @unique  x: String  createdAt: DateTime! }', { format: '1.0' });
    expect(inputFieldsOf(legacy, 'ACreateInput')).toEqual(['x']);
    expect(fieldsOf(legacy, 'A')).toEqual(['id', 'x', 'createdAt']);
  });

  it('does not expose hidden 1.0 system fields', () => {
    const legacy = apiSchemaOf('type A { id: ID! @unique  x: String }', { format: '1.0' });
    expect(fieldsOf(legacy, 'A')).toEqual(['id', 'x']);
    expect(schemaModelOf('type A { id: ID! @unique  x: String }', '1.0').models[0]!.fields.map((f) => f.name)).toContain('createdAt');
  });
});
