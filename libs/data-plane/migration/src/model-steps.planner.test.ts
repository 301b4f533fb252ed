import { describe, expect, it } from 'vitest';
import { build, planBetween, stepList } from '../test/schemas.fixture.js';
import { planMigration } from './migration.planner.js';

describe('model steps', () => {
  it('creates a new model with its fields', () => {
    const { plan } = planBetween('type A { id: ID! @id }', 'type A { id: ID! @id }  type Post { id: ID! @id  title: String }');
    expect(plan.steps).toEqual([
      { type: 'CreateModel', name: 'Post', reason: 'The model `Post` is new.' },
      { type: 'CreateField', model: 'Post', name: 'id', reason: 'The field `Post.id` belongs to the new model `Post`.' },
      { type: 'CreateField', model: 'Post', name: 'title', reason: 'The field `Post.title` belongs to the new model `Post`.' },
    ]);
  });

  it('deletes a model without deleting its fields one by one', () => {
    const { plan } = planBetween('type A { id: ID! @id }  type Post { id: ID! @id  title: String }', 'type A { id: ID! @id }');
    expect(plan.steps).toEqual([{ type: 'DeleteModel', name: 'Post', reason: 'The model `Post` is no longer in the datamodel.' }]);
  });

  it('renames a model given @rename, keeping its fields', () => {
    const { plan } = planBetween(
      'type User { id: ID! @id  name: String }',
      'type Account @rename(oldName: "User") { id: ID! @id  name: String }',
    );
    expect(plan.steps).toEqual([
      { type: 'UpdateModel', name: 'User', newName: 'Account', reason: 'The model `User` was renamed to `Account`.' },
    ]);
  });

  it('without @rename, a renamed model is a new model and a deleted one', () => {
    const { plan } = planBetween('type User { id: ID! @id }', 'type Account { id: ID! @id }');
    expect(stepList(plan)).toEqual(['DeleteModel User', 'CreateModel Account', 'CreateField Account.id']);
  });

  it('updates a model whose table name (@db) changes, and one whose name and table change', () => {
    const moved = planBetween('type User { id: ID! @id }', 'type User @db(name: "people") { id: ID! @id }').plan;
    expect(moved.steps).toEqual([
      {
        type: 'UpdateModel',
        name: 'User',
        newName: 'User',
        reason: 'The model `User` is now stored in the table `people` instead of `User`.',
      },
    ]);
    const both = planBetween('type User @db(name: "users") { id: ID! @id }', 'type Person @rename(oldName: "User") { id: ID! @id }').plan;
    expect(both.steps.map((s) => s.reason)).toEqual([
      'The model `User` was renamed to `Person` and is now stored in the table `Person` instead of `users`.',
    ]);
  });

  it('does not update a model when only its fields change (those are field steps)', () => {
    const { plan } = planBetween('type User { id: ID! @id  name: String }', 'type User { id: ID! @id  name: String! }');
    expect(stepList(plan)).toEqual(['UpdateField User.name']);
  });

  it('ignores a @rename left in the datamodel after the deploy that used it', () => {
    const sdl = 'type Account @rename(oldName: "User") { id: ID! @id  name: String @rename(oldName: "title") }';
    const { schema, renames } = build(sdl);
    expect(renames.models).toEqual([{ previous: 'User', next: 'Account' }]);
    expect(planMigration(schema, build(sdl, { previous: schema }).schema, renames).steps).toEqual([]);
  });
});
