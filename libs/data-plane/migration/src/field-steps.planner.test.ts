import { describe, expect, it } from 'vitest';
import { planBetween, stepList } from '../test/schemas.fixture.js';

const reasons = (previous: string, next: string) => planBetween(previous, next).plan.steps.map((s) => s.reason);

describe('field steps', () => {
  it('creates a field added to an existing model', () => {
    const { plan } = planBetween('type Post { id: ID! @id }', 'type Post { id: ID! @id  title: String }');
    expect(plan.steps).toEqual([{ type: 'CreateField', model: 'Post', name: 'title', reason: 'The field `Post.title` is new.' }]);
  });

  it('deletes a field removed from an existing model', () => {
    const { plan } = planBetween('type Post { id: ID! @id  title: String }', 'type Post { id: ID! @id }');
    expect(plan.steps).toEqual([
      { type: 'DeleteField', model: 'Post', name: 'title', reason: 'The field `Post.title` is no longer in the datamodel.' },
    ]);
  });

  it('renames a field given @rename', () => {
    const { plan } = planBetween(
      'type Post { id: ID! @id  title: String }',
      'type Post { id: ID! @id  headline: String @rename(oldName: "title") }',
    );
    expect(plan.steps).toEqual([
      {
        type: 'UpdateField',
        model: 'Post',
        newModel: 'Post',
        name: 'title',
        newName: 'headline',
        reason: 'The field `Post.title` was renamed to `headline`.',
      },
    ]);
  });

  it('names the previous and the next model of a field of a renamed model', () => {
    const { plan } = planBetween(
      'type User { id: ID! @id  mail: String }',
      'type Account @rename(oldName: "User") { id: ID! @id  email: String! @rename(oldName: "mail") }',
    );
    expect(plan.steps[0]).toEqual({
      type: 'UpdateField',
      model: 'User',
      newModel: 'Account',
      name: 'mail',
      newName: 'email',
      reason: 'The field `User.mail` was renamed to `email` and changed from optional to required.',
    });
  });

  it.each([
    ['String', 'String!', 'The field `Post.title` changed from optional to required.'],
    ['String!', 'String', 'The field `Post.title` changed from required to optional.'],
    ['String', 'Int', 'The field `Post.title` changed its type from `String` to `Int`.'],
    ['String', 'String @unique', 'The field `Post.title` became unique.'],
    ['String @unique', 'String', 'The field `Post.title` is no longer unique.'],
    ['String', '[String] @scalarList(strategy: RELATION)', 'The field `Post.title` became a list.'],
    ['String', 'String @db(name: "heading")', 'The field `Post.title` changed its column from `title` to `heading`.'],
    ['DateTime', 'DateTime @createdAt', 'The field `Post.title` changed its behaviour from none to @createdAt.'],
    ['String', 'Int! @unique', 'The field `Post.title` changed its type from `String` to `Int!`, became unique and changed from optional to required.'],
  ])('updates a field going from %s to %s', (before, after, reason) => {
    expect(reasons(`type Post { id: ID! @id  title: ${before} }`, `type Post { id: ID! @id  title: ${after} }`)).toEqual([reason]);
  });

  it('updates a field that turns from a scalar into a relation', () => {
    const { plan } = planBetween(
      'type Post { id: ID! @id  author: String }  type User { id: ID! @id }',
      'type Post { id: ID! @id  author: User }  type User { id: ID! @id }',
    );
    expect(stepList(plan)).toEqual(['UpdateField Post.author', 'CreateRelation PostToUser']);
    expect(plan.steps[0]?.reason).toBe('The field `Post.author` changed its type from `String` to `User`.');
  });

  it('does not count a changed default, an equal @db name or another enum as a change (like Prisma)', () => {
    const { plan } = planBetween(
      'type Post { id: ID! @id  n: Int @default(value: 1)  t: String  k: A }  enum A { X }  enum B { X }',
      'type Post { id: ID! @id  n: Int @default(value: 2)  t: String @db(name: "t")  k: B }  enum A { X }  enum B { X }',
    );
    expect(plan.steps).toEqual([]);
  });

  it('plans no field steps for hidden back-relation fields', () => {
    const added = planBetween(
      'type Post { id: ID! @id }  type Tag { id: ID! @id }',
      'type Post { id: ID! @id  tags: [Tag!]! }  type Tag { id: ID! @id }',
    );
    expect(added.next.models.find((m) => m.name === 'Tag')?.fields.map((f) => f.name)).toContain('_MagicalBackRelation_PostToTag');
    expect(stepList(added.plan)).toEqual(['CreateField Post.tags', 'CreateRelation PostToTag']);
    const removed = planBetween(
      'type Post { id: ID! @id  tags: [Tag!]! }  type Tag { id: ID! @id }',
      'type Post { id: ID! @id }  type Tag { id: ID! @id }',
    );
    expect(stepList(removed.plan)).toEqual(['DeleteRelation PostToTag', 'DeleteField Post.tags']);
  });

  it('creates no hidden 1.0 system fields, neither for a new model nor for an existing one', () => {
    const { plan } = planBetween('type User { id: ID! @unique }', 'type User { id: ID! @unique }  type Post { title: String }');
    expect(stepList(plan)).toEqual(['CreateModel Post', 'CreateField Post.title']);
  });

  it('leaves hidden 1.0 system fields alone when a 1.0 datamodel declares them', () => {
    const { plan } = planBetween('type User { id: ID! @unique  name: String }', 'type User { id: ID! @unique  name: String  createdAt: DateTime! }');
    expect(plan.steps).toEqual([]);
  });
});
