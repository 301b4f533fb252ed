import { describe, expect, it } from 'vitest';
import { planBetween } from '../test/schemas.fixture.js';
import type { MigrationStep } from './migration-step.js';
import { describeStep } from './step.describer.js';

function describePlan(previousSdl: string | null, nextSdl: string) {
  const { previous, next, plan } = planBetween(previousSdl, nextSdl);
  return plan.steps.map((step) => describeStep(step, previous, next));
}

describe('describeStep', () => {
  it('describes created fields with Prisma type names, defaults as Scala Options, enums and relations', () => {
    // Lists are never required in the schema model, whatever the SDL says (like Prisma).
    const details = describePlan(
      null,
      `
      type User { id: ID! @id  role: Role! @default(value: USER)  active: Boolean @default(value: false)  tags: [String!]! @scalarList(strategy: RELATION)  key: UUID @unique  posts: [Post!]! }
      type Post { id: ID! @id  author: User! }
      enum Role { USER ADMIN }`,
    );
    const fields = details.filter((d) => d.type === 'CreateField');
    expect(fields).toEqual([
      { type: 'CreateField', model: 'User', name: 'id', typeName: 'ID', isRequired: true, isList: false, unique: true, enum: null, default: 'None', relation: null },
      { type: 'CreateField', model: 'User', name: 'role', typeName: 'Enum', isRequired: true, isList: false, unique: false, enum: 'Role', default: 'Some(EnumGCValue(USER))', relation: null },
      { type: 'CreateField', model: 'User', name: 'active', typeName: 'Boolean', isRequired: false, isList: false, unique: false, enum: null, default: 'Some(BooleanGCValue(false))', relation: null },
      { type: 'CreateField', model: 'User', name: 'tags', typeName: 'String', isRequired: false, isList: true, unique: false, enum: null, default: 'None', relation: null },
      { type: 'CreateField', model: 'User', name: 'key', typeName: 'UUID', isRequired: false, isList: false, unique: true, enum: null, default: 'None', relation: null },
      { type: 'CreateField', model: 'User', name: 'posts', typeName: 'Post', isRequired: false, isList: true, unique: false, enum: null, default: 'None', relation: 'PostToUser' },
      { type: 'CreateField', model: 'Post', name: 'id', typeName: 'ID', isRequired: true, isList: false, unique: true, enum: null, default: 'None', relation: null },
      { type: 'CreateField', model: 'Post', name: 'author', typeName: 'User', isRequired: true, isList: false, unique: false, enum: null, default: 'None', relation: 'PostToUser' },
    ]);
    expect(details.filter((d) => d.type !== 'CreateField')).toEqual([
      { type: 'CreateEnum', name: 'Role', values: ['USER', 'ADMIN'] },
      { type: 'CreateModel', name: 'User' },
      { type: 'CreateModel', name: 'Post' },
      {
        type: 'CreateRelation',
        name: 'PostToUser',
        leftModel: 'Post',
        rightModel: 'User',
        after: { type: 'Inline', model: 'Post', column: 'author' },
      },
    ]);
  });

  it('describes a link-table relation and its manifestation change', () => {
    const previous = 'type Post { id: ID! @id  tags: [Tag!]! }  type Tag { id: ID! @id  posts: [Post!]! }';
    expect(describePlan(null, previous).at(-1)).toEqual({
      type: 'CreateRelation',
      name: 'PostToTag',
      leftModel: 'Post',
      rightModel: 'Tag',
      after: { type: 'LinkTable', table: '_PostToTag', modelAColumn: 'A', modelBColumn: 'B', idColumn: null },
    });
    const next = 'type Post { id: ID! @id  tags: [Tag!]! }  type Tag { id: ID! @id  post: Post @relation(link: INLINE) }';
    expect(describePlan(previous, next).find((d) => d.type === 'UpdateRelation')).toEqual({
      type: 'UpdateRelation',
      name: 'PostToTag',
      newName: null,
      before: { type: 'LinkTable', table: '_PostToTag', modelAColumn: 'A', modelBColumn: 'B', idColumn: null },
      after: { type: 'Inline', model: 'Tag', column: 'post' },
    });
  });

  it('describes an updated field with null for every attribute that stayed', () => {
    const details = describePlan(
      'type Post { id: ID! @id  views: Int  title: String @default(value: "a") }',
      'type Post { id: ID! @id  views: Int! @default(value: 3)  heading: String! @rename(oldName: "title") }',
    );
    expect(details).toEqual([
      {
        type: 'UpdateField',
        model: 'Post',
        name: 'views',
        newName: null,
        typeName: null,
        isRequired: true,
        isList: null,
        unique: null,
        enum: null,
        default: 'IntGCValue(3)',
        relation: null,
      },
      {
        type: 'UpdateField',
        model: 'Post',
        name: 'title',
        newName: 'heading',
        typeName: null,
        isRequired: true,
        isList: null,
        unique: null,
        enum: null,
        default: null,
        relation: null,
      },
    ]);
  });

  it('describes a field turning into a relation with its new type name and relation', () => {
    const [update] = describePlan(
      'type Post { id: ID! @id  author: String }  type User { id: ID! @id }',
      'type Post { id: ID! @id  author: User }  type User { id: ID! @id }',
    );
    expect(update).toMatchObject({ type: 'UpdateField', typeName: 'User', relation: 'PostToUser', isRequired: null });
  });

  it('describes model, enum and delete steps by their names', () => {
    const details = describePlan(
      'type User { id: ID! @id  old: String }  type Gone { id: ID! @id }  enum Role { A B }  enum Kind { X }',
      'type Person @rename(oldName: "User") { id: ID! @id }  enum Role { A B C }  enum Sort @rename(oldName: "Kind") { X }',
    );
    expect(details).toEqual([
      { type: 'DeleteField', model: 'User', name: 'old' },
      { type: 'DeleteModel', name: 'Gone' },
      { type: 'UpdateEnum', name: 'Role', newName: null, values: ['A', 'B', 'C'] },
      { type: 'UpdateEnum', name: 'Kind', newName: 'Sort', values: null },
      { type: 'UpdateModel', name: 'User', newName: 'Person', isEmbedded: null },
    ]);
    const deleted = describePlan('type A { id: ID! @id  b: B }  type B { id: ID! @id }  enum E { X }', 'type A { id: ID! @id }  type B { id: ID! @id }');
    expect(deleted).toEqual([
      { type: 'DeleteRelation', name: 'AToB' },
      { type: 'DeleteField', model: 'A', name: 'b' },
      { type: 'DeleteEnum', name: 'E' },
    ]);
  });

  it('describes UpdateSecrets with a message and no secret', () => {
    const { next } = planBetween(null, 'type A { id: ID! @id }');
    const step: MigrationStep = { type: 'UpdateSecrets', secrets: ['s3cr3t'], reason: 'The service secrets changed.' };
    expect(describeStep(step, null, next)).toEqual({ type: 'UpdateSecrets', message: 'Secrets have been updated.' });
  });
});
