// The contract with the query engine (README "Extensions"): every root field says what it does
// to which model, every model-shaped object type which model it holds.
import { assertObjectType, isObjectType, type GraphQLField } from 'graphql';
import { describe, expect, it } from 'vitest';
import { modelOfType, objectTypeInfo, rootFieldInfo, type RootFieldInfo } from '../src/index.ts';
import { WORKED_EXAMPLE, apiSchemaOf, schemaModelOf } from './schema.fixtures.ts';

const schema = apiSchemaOf(WORKED_EXAMPLE, { rawAccess: true });
const rootFields = (type: 'Query' | 'Mutation' | 'Subscription') =>
  Object.values(assertObjectType(schema.getType(type)).getFields()) as GraphQLField<unknown, unknown>[];
const infoOf = (type: 'Query' | 'Mutation' | 'Subscription', field: string) =>
  rootFieldInfo(assertObjectType(schema.getType(type)).getFields()[field]!);

describe('root field annotations', () => {
  it('annotate every root field', () => {
    for (const type of ['Query', 'Mutation', 'Subscription'] as const) {
      for (const field of rootFields(type)) expect(rootFieldInfo(field), `${type}.${field.name}`).toBeDefined();
    }
  });

  it.each<[ 'Query' | 'Mutation' | 'Subscription', string, RootFieldInfo]>([
    ['Query', 'categories', { operation: 'findMany', model: 'Category' }],
    ['Query', 'category', { operation: 'findUnique', model: 'Category' }],
    ['Query', 'categoriesConnection', { operation: 'connection', model: 'Category' }],
    ['Query', 'node', { operation: 'node', model: null }],
    ['Mutation', 'createPost', { operation: 'create', model: 'Post' }],
    ['Mutation', 'updatePost', { operation: 'update', model: 'Post' }],
    ['Mutation', 'deletePost', { operation: 'delete', model: 'Post' }],
    ['Mutation', 'upsertPost', { operation: 'upsert', model: 'Post' }],
    ['Mutation', 'updateManyCategories', { operation: 'updateMany', model: 'Category' }],
    ['Mutation', 'deleteManyCategories', { operation: 'deleteMany', model: 'Category' }],
    ['Mutation', 'executeRaw', { operation: 'executeRaw', model: null }],
    ['Subscription', 'post', { operation: 'subscribe', model: 'Post' }],
  ])('%s.%s → %j', (type, field, info) => {
    expect(infoOf(type, field)).toEqual(info);
  });

  it('are absent elsewhere and robust to foreign extensions', () => {
    expect(rootFieldInfo(assertObjectType(schema.getType('Post')).getFields().title!)).toBeUndefined();
    expect(rootFieldInfo({ extensions: { refract: { operation: 'drop', model: 'X' } } })).toBeUndefined();
    expect(rootFieldInfo({ extensions: { other: true } })).toBeUndefined();
  });
});

describe('object type annotations', () => {
  it('name the model of model types, connections, edges and aggregates', () => {
    expect(modelOfType(schema.getType('Post')!)).toBe('Post');
    expect(objectTypeInfo(schema.getType('PostConnection')!)).toEqual({ connectionOf: 'Post' });
    expect(objectTypeInfo(schema.getType('PostEdge')!)).toEqual({ edgeOf: 'Post' });
    expect(objectTypeInfo(schema.getType('AggregatePost')!)).toEqual({ aggregateOf: 'Post' });
    expect(modelOfType(schema.getType('PostConnection')!)).toBeUndefined();
    expect(objectTypeInfo(schema.getType('PageInfo')!)).toBeUndefined();
    expect(objectTypeInfo(schema.getType('PostWhereInput')!)).toBeUndefined();
  });

  it('give every model exactly one model type, whose field names are the schema model’s visible fields', () => {
    const model = schemaModelOf(WORKED_EXAMPLE);
    const annotated = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && modelOfType(t) !== undefined);
    expect(annotated.map((t) => t.name).sort()).toEqual(model.models.map((m) => m.name).sort());
    for (const m of model.models) {
      const type = assertObjectType(schema.getType(m.name));
      expect(Object.keys(type.getFields())).toEqual(m.fields.filter((f) => !f.isHidden).map((f) => f.name));
    }
  });
});
