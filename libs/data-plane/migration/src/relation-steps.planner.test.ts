import { describe, expect, it } from 'vitest';
import { planBetween, stepList } from '../test/schemas.fixture.js';
import { MigrationError } from './migration.error.js';

const USER = 'type User { id: ID! @id  posts: [Post!]! }';
const POST = 'type Post { id: ID! @id  author: User! }';

const named = (name: string, oldName?: string) => {
  const args = oldName ? `name: "${name}", oldName: "${oldName}"` : `name: "${name}"`;
  return `type User { id: ID! @id  posts: [Post!]! @relation(${args}) }  type Post { id: ID! @id  author: User! @relation(${args}) }`;
};

const TWO_NAMED = `
type User { id: ID! @id  written: [Post!]! @relation(name: "Author")  reviewed: [Post!]! @relation(name: "Reviewer") }
type Post { id: ID! @id  author: User! @relation(name: "Author")  reviewer: User @relation(name: "Reviewer") }`;

describe('relation steps', () => {
  it('creates a new relation and deletes a removed one', () => {
    const created = planBetween('type User { id: ID! @id }  type Post { id: ID! @id }', `${USER} ${POST}`).plan;
    expect(created.steps.at(-1)).toEqual({
      type: 'CreateRelation',
      name: 'PostToUser',
      reason: 'The relation `PostToUser` between `Post` and `User` is new.',
    });
    const deleted = planBetween(`${USER} ${POST}`, 'type User { id: ID! @id }  type Post { id: ID! @id }').plan;
    expect(deleted.steps[0]).toEqual({
      type: 'DeleteRelation',
      name: 'PostToUser',
      reason: 'The relation `PostToUser` between `Post` and `User` is no longer in the datamodel.',
    });
  });

  it('renames a relation given @relation(oldName:)', () => {
    const { plan } = planBetween(named('Writer'), named('Author', 'Writer'));
    expect(plan.steps).toEqual([
      { type: 'UpdateRelation', name: 'Writer', newName: 'Author', reason: 'The relation `Writer` was renamed to `Author`.' },
    ]);
  });

  it('matches an unnamed relation that gets a name, and a named one that loses it, when it is the only one', () => {
    expect(stepList(planBetween(`${USER} ${POST}`, named('Writer')).plan)).toEqual(['UpdateRelation PostToUser -> Writer']);
    expect(stepList(planBetween(named('Writer'), `${USER} ${POST}`).plan)).toEqual(['UpdateRelation Writer -> PostToUser']);
  });

  it('drops and creates a named relation that is renamed without oldName while another remains', () => {
    const renamed = TWO_NAMED.replaceAll('"Reviewer"', '"Editor"');
    expect(stepList(planBetween(TWO_NAMED, renamed).plan)).toEqual(['DeleteRelation Reviewer', 'CreateRelation Editor']);
  });

  it('keeps the other relations when one of several between the same models is renamed with oldName', () => {
    const renamed = TWO_NAMED.replaceAll('name: "Reviewer"', 'name: "Editor", oldName: "Reviewer"');
    expect(stepList(planBetween(TWO_NAMED, renamed).plan)).toEqual(['UpdateRelation Reviewer -> Editor']);
  });

  it('follows a model rename: the generated name changes with it', () => {
    const { plan } = planBetween(
      `${USER} ${POST}`,
      'type Account @rename(oldName: "User") { id: ID! @id  posts: [Post!]! }  type Post { id: ID! @id  author: Account! }',
    );
    expect(stepList(plan)).toEqual(['UpdateModel User -> Account', 'UpdateRelation PostToUser -> AccountToPost']);
    expect(plan.steps[1]?.reason).toBe(
      'The relation `PostToUser` was renamed to `AccountToPost` and now connects `Post` and `Account` instead of `Post` and `User`.',
    );
  });

  it('updates a relation whose manifestation changes', () => {
    const { plan } = planBetween(
      `${USER} ${POST}`,
      'type User { id: ID! @id  posts: [Post!]! @relation(link: TABLE) }  type Post { id: ID! @id  author: User! }',
    );
    expect(plan.steps).toEqual([
      {
        type: 'UpdateRelation',
        name: 'PostToUser',
        newName: null,
        reason:
          'The relation `PostToUser` is now stored in the link table `_PostToUser` (columns `A` and `B`) instead of the column `author` of the model `Post`.',
      },
    ]);
  });

  it('drops a relation whose models change instead of updating it, even when its name stays', () => {
    const { plan } = planBetween(
      `${named('Link')}  type Tag { id: ID! @id }`,
      `type User { id: ID! @id }  type Post { id: ID! @id  tag: Tag @relation(name: "Link") }  type Tag { id: ID! @id  posts: [Post!]! @relation(name: "Link") }`,
    );
    expect(stepList(plan)).toEqual([
      'DeleteRelation Link',
      'DeleteField User.posts',
      'DeleteField Post.author',
      'CreateField Post.tag',
      'CreateField Tag.posts',
      'CreateRelation Link',
    ]);
  });

  it('throws 3018 when several relations between two models become a single unnamed one', () => {
    const plan = () => planBetween(TWO_NAMED, `${USER} ${POST}`);
    expect(plan).toThrow(MigrationError);
    expect(plan).toThrow(
      'There is a relation ambiguity during the migration. The ambiguity is on a relation between Post and User. Please name relations or change the schema in steps.',
    );
    try {
      plan();
    } catch (error) {
      expect(error).toMatchObject({ name: 'MigrationError', code: 3018 });
    }
  });

  it('throws 3018 asking to name the old relation first when a single unnamed relation becomes several', () => {
    expect(() => planBetween(`${USER} ${POST}`, TWO_NAMED)).toThrow(
      new MigrationError(
        3018,
        'There is a relation ambiguity during the migration. Please first name the old relation on your schema. The ambiguity is on a relation between Post and User. Please name relations or change the schema in steps.',
      ),
    );
  });

  it('accepts the same change in two steps: first name the old relation, then add the second one', () => {
    expect(stepList(planBetween(`${USER} ${POST}`, named('Author')).plan)).toEqual(['UpdateRelation PostToUser -> Author']);
    expect(stepList(planBetween(named('Author'), TWO_NAMED).plan)).toEqual([
      'DeleteField User.posts',
      'CreateField User.written',
      'CreateField User.reviewed',
      'CreateField Post.reviewer',
      'CreateRelation Reviewer',
    ]);
  });
});

describe('self relations', () => {
  it('creates, keeps and renames a relation of a model with itself', () => {
    const friends = 'type User { id: ID! @id  friends: [User!]! }';
    expect(planBetween('type User { id: ID! @id }', friends).plan.steps.at(-1)).toMatchObject({ type: 'CreateRelation', name: 'UserToUser' });
    expect(planBetween(friends, friends).plan.steps).toEqual([]);
    const named = 'type User { id: ID! @id  friends: [User!]! @relation(name: "Friendship") }';
    expect(stepList(planBetween(friends, named).plan)).toEqual(['UpdateRelation UserToUser -> Friendship']);
  });
});
