import { describe, expect, it } from 'vitest';
import { build, planBetween, stepList } from '../test/schemas.fixture.js';
import { STEP_ORDER } from './migration-step.js';
import { orderSteps, planMigration } from './migration.planner.js';
import { planSecretsUpdate } from './secrets-step.planner.js';

const APPENDIX_B = `
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

const LEGACY = `
type User { id: ID! @unique  email: String! @unique  role: Role  posts: [Post!]! }
type Post { id: ID! @unique  title: String!  author: User!  tags: [String!]! }
enum Role { USER ADMIN }
`;

describe('planMigration', () => {
  it('plans nothing between identical schemas (1.1 and 1.0)', () => {
    expect(planBetween(APPENDIX_B, APPENDIX_B).plan.steps).toEqual([]);
    expect(planBetween(LEGACY, LEGACY).plan.steps).toEqual([]);
  });

  it('plans nothing when the same schema is passed twice', () => {
    const { schema, renames } = build(APPENDIX_B);
    expect(planMigration(schema, schema, renames)).toEqual({ steps: [] });
  });

  it('creates everything on the first deploy, without hidden back-relation fields', () => {
    const { plan } = planBetween(null, APPENDIX_B);
    expect(stepList(plan)).toEqual([
      'CreateEnum Role',
      'CreateModel User',
      'CreateModel Profile',
      'CreateModel Post',
      'CreateModel Category',
      'CreateField User.id',
      'CreateField User.email',
      'CreateField User.name',
      'CreateField User.role',
      'CreateField User.posts',
      'CreateField User.profile',
      'CreateField User.createdAt',
      'CreateField User.updatedAt',
      'CreateField Profile.id',
      'CreateField Profile.bio',
      'CreateField Profile.user',
      'CreateField Post.id',
      'CreateField Post.title',
      'CreateField Post.published',
      'CreateField Post.tags',
      'CreateField Post.meta',
      'CreateField Post.author',
      'CreateField Post.categories',
      'CreateField Post.createdAt',
      'CreateField Category.id',
      'CreateField Category.name',
      'CreateRelation PostToUser',
      'CreateRelation ProfileToUser',
      'CreateRelation CategoryToPost',
    ]);
    expect(plan.steps.find((s) => s.type === 'CreateModel')?.reason).toBe('The model `User` is new.');
    expect(plan.steps.find((s) => s.type === 'CreateField')?.reason).toBe('The field `User.id` belongs to the new model `User`.');
  });

  it('emits every kind of step in Prisma order: deletes, updates, then creates', () => {
    const { plan } = planBetween(
      `
      type User { id: ID! @id  name: String  age: Int  posts: [Post!]! }
      type Post { id: ID! @id  title: String  author: User!  tags: [Tag!]! }
      type Tag { id: ID! @id  label: String }
      type Note { id: ID! @id }
      enum Role { A B }
      enum Old { X }`,
      `
      type Account @rename(oldName: "User") { id: ID! @id  name: String!  posts: [Post!]!  role: Role  comments: [Comment!]! }
      type Post { id: ID! @id  title: String  author: Account! }
      type Tag { id: ID! @id  label: String }
      type Comment { id: ID! @id  text: String  author: Account!  mood: Fresh }
      enum Role { A B C }
      enum Fresh { Y }`,
    );
    expect(stepList(plan)).toEqual([
      'DeleteRelation PostToTag',
      'DeleteField User.age',
      'DeleteField Post.tags',
      'DeleteModel Note',
      'DeleteEnum Old',
      'UpdateEnum Role',
      'UpdateField User.name -> Account.name',
      'UpdateModel User -> Account',
      'UpdateRelation PostToUser -> AccountToPost',
      'CreateEnum Fresh',
      'CreateModel Comment',
      'CreateField Account.role',
      'CreateField Account.comments',
      'CreateField Comment.id',
      'CreateField Comment.text',
      'CreateField Comment.author',
      'CreateField Comment.mood',
      'CreateRelation AccountToComment',
    ]);
    const ranks = plan.steps.map((s) => STEP_ORDER.indexOf(s.type));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(plan.steps.every((s) => s.reason.length > 0)).toBe(true);
  });

  it('keeps plans serialisable data', () => {
    const { plan } = planBetween('type A { id: ID! @id }', 'type B { id: ID! @id }');
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it('moves a 1.0 project to 1.1: declared system fields match the hidden ones, relations leave their link tables', () => {
    const { plan, previous, next } = planBetween(
      LEGACY,
      `
      type User {
        id: ID! @id  email: String! @unique  role: Role  posts: [Post!]!
        createdAt: DateTime! @createdAt  updatedAt: DateTime! @updatedAt
      }
      type Post { id: ID! @id  title: String!  author: User!  tags: [String!]! @scalarList(strategy: RELATION)  createdAt: DateTime! }
      enum Role { USER ADMIN }`,
    );
    expect(previous?.datamodelFormat).toBe('1.0');
    expect(next.datamodelFormat).toBe('1.1');
    expect(stepList(plan)).toEqual(['DeleteField Post.updatedAt', 'UpdateField Post.createdAt', 'UpdateRelation PostToUser']);
    expect(plan.steps.map((s) => s.reason)).toEqual([
      'The field `Post.updatedAt` is no longer in the datamodel.',
      'The field `Post.createdAt` changed its behaviour from @createdAt to none.',
      'The relation `PostToUser` is now stored in the column `author` of the model `Post` instead of the link table `_PostToUser` (columns `A` and `B`, id column `id`).',
    ]);
  });

  it('orders steps assembled elsewhere, e.g. with UpdateSecrets appended by deploy', () => {
    const { plan } = planBetween('type A { id: ID! @id }', 'type B { id: ID! @id }');
    const [secrets] = planSecretsUpdate(['old'], ['new']);
    const ordered = orderSteps([secrets!, ...[...plan.steps].reverse()]);
    expect(ordered.map((s) => s.type)).toEqual(['DeleteModel', 'CreateModel', 'CreateField', 'UpdateSecrets']);
  });
});

describe('planSecretsUpdate', () => {
  it('emits UpdateSecrets only when the secrets differ, without showing them in the reason', () => {
    expect(planSecretsUpdate(['a', 'b'], ['a', 'b'])).toEqual([]);
    expect(planSecretsUpdate(['a'], ['b'])).toEqual([{ type: 'UpdateSecrets', secrets: ['b'], reason: 'The service secrets changed.' }]);
    expect(planSecretsUpdate([], ['a', 'b'])).toHaveLength(1);
  });
});
