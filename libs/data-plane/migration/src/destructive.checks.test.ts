import { describe, expect, it } from 'vitest';
import { factProbe, type Facts } from '../test/fact.probe.js';
import { planBetween } from '../test/schemas.fixture.js';
import { checkMigration } from './destructive.checks.js';

async function check(previousSdl: string | null, nextSdl: string, facts: Facts = {}) {
  const { previous, next, plan } = planBetween(previousSdl, nextSdl);
  const probe = factProbe(facts);
  const result = await checkMigration(plan, previous, next, probe);
  return { ...result, asked: probe.asked };
}

const DATA_LOSS_FIELD = 'You already have nodes for this model. This change may result in data loss.';
const DATA_LOSS_RELATION = 'You already have nodes for this relation. This change will result in data loss.';
const post = (fields: string) => `type Post { id: ID! @id  ${fields} }`;
const USER_POSTS = 'type User { id: ID! @id  posts: [Post!]! }';

describe('checkMigration: warnings', () => {
  it('warns when a model with nodes is deleted', async () => {
    const result = await check(`${post('')} type Note { id: ID! @id }`, post(''), { rows: ['Note'] });
    expect(result).toMatchObject({
      warnings: [{ type: 'Note', field: null, description: 'You already have nodes for this model. This change will result in data loss.' }],
      errors: [],
    });
    expect((await check(`${post('')} type Note { id: ID! @id }`, post(''))).warnings).toEqual([]);
  });

  it('warns when a scalar field of a model with nodes is deleted, not when a relation field is', async () => {
    expect((await check(post('title: String'), post(''), { rows: ['Post'] })).warnings).toEqual([
      { type: 'Post', field: 'title', description: DATA_LOSS_FIELD },
    ]);
    const relation = await check(`${USER_POSTS} ${post('author: User!')}`, `type User { id: ID! @id } ${post('')}`, {
      rows: ['User', 'Post'],
    });
    expect(relation.warnings).toEqual([]);
    expect(relation.asked).toEqual(['relationHasRows(PostToUser)']);
  });

  it('warns when the type or list-ness of a field with nodes changes, and names the value of a required one', async () => {
    expect((await check(post('score: String'), post('score: Int'), { rows: ['Post'] })).warnings).toEqual([
      { type: 'Post', field: 'score', description: DATA_LOSS_FIELD },
    ]);
    expect((await check(post('score: String'), post('score: Float!'), { rows: ['Post'] })).warnings).toEqual([
      { type: 'Post', field: 'score', description: DATA_LOSS_FIELD },
      {
        type: 'Post',
        field: 'score',
        description: 'You are changing the type of a required field. The fields will be pre-filled with the value: `0.0`.',
      },
    ]);
    expect((await check(post('tags: String'), post('tags: [String] @scalarList(strategy: RELATION)'), { rows: ['Post'] })).warnings).toEqual([
      { type: 'Post', field: 'tags', description: DATA_LOSS_FIELD },
    ]);
    expect((await check(post('score: String'), post('score: Float!'))).warnings).toEqual([]);
  });

  it('warns when a scalar field turns into a relation field on a model with nodes', async () => {
    const result = await check(`type User { id: ID! @id } ${post('author: String')}`, `type User { id: ID! @id } ${post('author: User')}`, {
      rows: ['Post'],
    });
    expect(result.warnings).toEqual([{ type: 'Post', field: 'author', description: DATA_LOSS_FIELD }]);
  });

  it('warns that NULLs of a field made required are filled with its default or the type default', async () => {
    const result = await check(post('done: Boolean  views: Int'), post('done: Boolean!  views: Int! @default(value: 7)'), {
      rows: ['Post'],
      nulls: ['Post.done', 'Post.views'],
    });
    expect(result.warnings).toEqual([
      { type: 'Post', field: 'done', description: 'You are changing the type of a required field. The fields will be pre-filled with the value: `false`.' },
      { type: 'Post', field: 'views', description: 'You are changing the type of a required field. The fields will be pre-filled with the value: `7`.' },
    ]);
    expect((await check(post('done: Boolean'), post('done: Boolean!'), { rows: ['Post'] })).warnings).toEqual([]);
  });

  it('warns (with the missing space of Prisma) when a required field is added to a model with nodes', async () => {
    const result = await check(
      `${post('')} enum Role { EDITOR ADMIN }`,
      `${post('publishedAt: DateTime!  role: Role!  title: String!  rank: Float! @default(value: 2.0)  kind: Role! @default(value: ADMIN)')} enum Role { EDITOR ADMIN }`,
      { rows: ['Post'] },
    );
    const prefilled = (field: string, value: string) => ({
      type: 'Post',
      field,
      description: `You are creating a required field but there are already nodes present that would violate that constraint.The fields will be pre-filled with the value \`${value}\`.`,
    });
    expect(result.warnings).toEqual([
      prefilled('publishedAt', '1970-01-01T00:00:00.000Z'),
      prefilled('role', 'EDITOR'),
      prefilled('title', ''),
      prefilled('rank', '2.0'),
      prefilled('kind', 'ADMIN'),
    ]);
    expect(result.errors).toEqual([]);
    expect((await check(post(''), post('title: String!'))).warnings).toEqual([]);
    expect((await check(post(''), post('tags: [String!]! @scalarList(strategy: RELATION)'), { rows: ['Post'] })).warnings).toEqual([]);
  });

  it('warns when a relation with connections is deleted', async () => {
    const result = await check(`${USER_POSTS} ${post('author: User!')}`, `type User { id: ID! @id } ${post('')}`, {
      relationRows: ['PostToUser'],
    });
    expect(result.warnings).toEqual([{ type: 'PostToUser', field: null, description: DATA_LOSS_RELATION }]);
  });

  it('warns when a relation with connections moves between a link table and a column', async () => {
    const toTable = await check(
      `${USER_POSTS} ${post('author: User!')}`,
      `type User { id: ID! @id  posts: [Post!]! @relation(link: TABLE) } ${post('author: User!')}`,
      { relationRows: ['PostToUser'] },
    );
    expect(toTable.warnings).toEqual([{ type: 'PostToUser', field: null, description: DATA_LOSS_RELATION }]);
    const toColumn = await check(
      `type User { id: ID! @id  posts: [Post!]! @relation(link: TABLE) } ${post('author: User!')}`,
      `${USER_POSTS} ${post('author: User!')}`,
      { relationRows: ['PostToUser'] },
    );
    expect(toColumn.warnings).toEqual([{ type: 'PostToUser', field: null, description: DATA_LOSS_RELATION }]);
  });

  it('warns when an inline relation with connections moves to the other model, not when its column is renamed', async () => {
    const oneToOne = (link: 'user' | 'profile', column = '') => `
      type User { id: ID! @id  profile: Profile ${link === 'user' ? `@relation(link: INLINE) ${column}` : ''} }
      type Profile { id: ID! @id  user: User ${link === 'profile' ? `@relation(link: INLINE) ${column}` : ''} }`;
    const moved = await check(oneToOne('user'), oneToOne('profile'), { relationRows: ['ProfileToUser'] });
    expect(moved.warnings).toEqual([{ type: 'ProfileToUser', field: null, description: DATA_LOSS_RELATION }]);
    const renamed = await check(oneToOne('user'), oneToOne('user', '@db(name: "profile_id")'), { relationRows: ['ProfileToUser'] });
    expect(renamed.warnings).toEqual([]);
  });

  it('warns when a 1.1 field named createdAt or updatedAt is added without its directive', async () => {
    const result = await check(post(''), post('createdAt: DateTime!  updatedAt: DateTime  stamped: DateTime @createdAt'));
    expect(result.warnings).toEqual([
      {
        type: 'Post',
        field: 'createdAt',
        description:
          'You are adding the field `createdAt` but is missing the directive `@createdAt`. Please specify the field as `createdAt: DateTime! @createdAt` if you want to track the times for when a record was created. Or deploy with `--force` to ignore this.',
      },
      {
        type: 'Post',
        field: 'updatedAt',
        description:
          'You are adding the field `updatedAt` but is missing the directive `@updatedAt`. Please specify the field as `updatedAt: DateTime! @updatedAt` if you want to track the times for when a record was updated. Or deploy with `--force` to ignore this.',
      },
    ]);
    expect((await check(null, post('createdAt: DateTime! @createdAt'))).warnings).toEqual([]);
  });
});

describe('checkMigration: errors', () => {
  it('refuses a new required unique field on a model with nodes', async () => {
    const result = await check(post(''), post('slug: String! @unique'), { rows: ['Post'] });
    expect(result).toEqual({
      warnings: [],
      errors: [
        {
          type: 'Post',
          field: 'slug',
          description: 'You are creating a new required unique field `slug`. There are already nodes for the model `Post` that would violate that constraint.',
        },
      ],
      asked: ['modelHasRows(Post)'],
    });
  });

  it('refuses to make a unique field with NULLs required', async () => {
    const result = await check(post('slug: String @unique'), post('slug: String! @unique'), { rows: ['Post'], nulls: ['Post.slug'] });
    expect(result.errors).toEqual([
      {
        type: 'Post',
        field: 'slug',
        description: 'You are updating the field `slug` to be required and unique. But there are already nodes for the model `Post` that would violate that constraint.',
      },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('refuses to make a relation field required while some nodes are not connected', async () => {
    const result = await check(`${USER_POSTS} ${post('author: User')}`, `${USER_POSTS} ${post('author: User!')}`, {
      rows: ['Post'],
      nulls: ['Post.author'],
    });
    expect(result.errors).toEqual([
      {
        type: 'Post',
        field: 'author',
        description: 'You are updating the field `author` to be required. But there are already nodes for the model `Post` that would violate that constraint.',
      },
    ]);
  });

  it('refuses to make a field with duplicate values unique', async () => {
    const result = await check(post('slug: String'), post('slug: String @unique'), { duplicates: ['Post.slug'] });
    expect(result.errors).toEqual([
      {
        type: 'Post',
        field: 'slug',
        description: 'You are updating the field `slug` to be unique. But there are already nodes for the model `Post` that would violate that constraint.',
      },
    ]);
    expect((await check(post('slug: String'), post('slug: String @unique'))).errors).toEqual([]);
  });

  it('refuses to change the type of the id field of a model with nodes', async () => {
    const result = await check('type Post { id: ID! @id }', 'type Post { id: Int! @id }', { rows: ['Post'] });
    expect(result.errors).toEqual([
      {
        type: 'Post',
        field: 'id',
        description:
          'You are changing the type of the id field `id`. But there are already nodes for this model. This would require to regenerate IDs for all nodes which is not possible. You have to remove all nodes for this type by either running `prisma reset` or through a `deleteManyPosts` mutation.',
      },
    ]);
    // Prisma also warns as for any type change; with an error the warnings are moot.
    expect(result.warnings.map((w) => w.description)).toEqual([
      DATA_LOSS_FIELD,
      'You are changing the type of a required field. The fields will be pre-filled with the value: `0`.',
    ]);
  });

  it('refuses a to-one back-relation field when nodes of its side have several connections', async () => {
    const previous = 'type Post { id: ID! @id  tags: [Tag!]! @relation(link: TABLE) }  type Tag { id: ID! @id }';
    const next = 'type Post { id: ID! @id  tags: [Tag!]! @relation(link: TABLE) }  type Tag { id: ID! @id  post: Post }';
    const result = await check(previous, next, { relationDuplicates: ['PostToTag.B'] });
    expect(result.errors).toEqual([
      {
        type: 'Tag',
        field: 'post',
        description:
          'You are adding a singular backrelation field to a type but there are already pairs in the relation that would violate that constraint.',
      },
    ]);
    expect(result.asked).toEqual(['relationHasDuplicates(PostToTag.B)']);
  });

  it('refuses a new relation with a required to-one side on a model with nodes', async () => {
    const result = await check(`type User { id: ID! @id } ${post('')}`, `${USER_POSTS} ${post('author: User!')}`, { rows: ['Post', 'User'] });
    expect(result.errors).toEqual([
      { type: 'Post', field: null, description: 'You are creating a required relation, but there are already nodes that would violate that constraint.' },
    ]);
  });

  it('refuses to remove an enum value that is in use', async () => {
    const result = await check(
      `${post('role: Role  roles: [Role] @scalarList(strategy: RELATION)')} enum Role { USER ADMIN GUEST }`,
      `${post('role: Role  roles: [Role] @scalarList(strategy: RELATION)')} enum Role { USER }`,
      { enumValues: { 'Post.role': ['USER'], 'Post.roles': ['GUEST'] } },
    );
    expect(result.errors).toEqual([
      { type: 'Global', field: null, description: "You are deleting the value 'GUEST' of the enum 'Role', but that value is in use." },
    ]);
    expect(result.asked).toEqual([
      'enumValueInUse(Post.role, ADMIN)',
      'enumValueInUse(Post.roles, ADMIN)',
      'enumValueInUse(Post.role, GUEST)',
      'enumValueInUse(Post.roles, GUEST)',
    ]);
  });

  it('refuses to add an id column to an existing link table', async () => {
    const datamodel = (id: string) => `
      type Post { id: ID! @id  tags: [Tag!]! @relation(name: "PostTags") }
      type Tag { id: ID! @id  posts: [Post!]! @relation(name: "PostTags") }
      type PostTags @relationTable { post: Post  tag: Tag  ${id} }`;
    const result = await check(datamodel(''), datamodel('key: ID! @id'));
    expect(result.errors).toEqual([{ type: 'PostTags', field: 'key', description: 'Adding an id field to an existing link table is forbidden.' }]);
  });

  it('refuses createdAt/updatedAt without their directive, or left out, when a 1.0 project moves to 1.1', async () => {
    const result = await check(
      'type User { id: ID! @unique  name: String }',
      'type User { id: ID! @id  name: String  createdAt: DateTime! }',
      { rows: ['User'] },
    );
    expect(result.errors).toEqual([
      {
        type: 'User',
        field: 'updatedAt',
        description:
          'You are removing the field `updatedAt` while migrating to the new datamodel. Add the field `updatedAt: DateTime! @updatedAt` explicitly to your model to keep this functionality.',
      },
      {
        type: 'User',
        field: 'createdAt',
        description:
          'You are migrating to the new datamodel with the field `createdAt` but is missing the directive `@createdAt`. Please specify the field as `createdAt: DateTime! @createdAt` to keep its original behaviour.',
      },
    ]);
    expect(result.warnings).toEqual([{ type: 'User', field: 'updatedAt', description: DATA_LOSS_FIELD }]);
    const kept = await check(
      'type User { id: ID! @unique  name: String }',
      'type User { id: ID! @id  name: String  createdAt: DateTime! @createdAt  updatedAt: DateTime! @updatedAt }',
      { rows: ['User'] },
    );
    expect(kept).toEqual({ warnings: [], errors: [], asked: [] });
  });
});

describe('checkMigration: what it asks', () => {
  it('asks nothing for a first deploy or for steps that touch no data', async () => {
    expect(await check(null, `${USER_POSTS} ${post('author: User!  title: String!')}`)).toEqual({ warnings: [], errors: [], asked: [] });
    expect((await check(post(''), `${post('')} type Tag { id: ID! @id  name: String! }  enum A { X }`)).asked).toEqual([]);
  });

  it('asks with the names of the previous schema', async () => {
    const result = await check(
      'type User { id: ID! @id  mail: String  age: Int }',
      'type Account @rename(oldName: "User") { id: ID! @id  email: String! @rename(oldName: "mail") }',
      { rows: ['User'], nulls: ['User.mail'] },
    );
    expect(result.asked).toEqual(['modelHasRows(User)', 'fieldHasNulls(User.mail)']);
    expect(result.warnings).toEqual([
      { type: 'User', field: 'age', description: DATA_LOSS_FIELD },
      { type: 'User', field: 'mail', description: 'You are changing the type of a required field. The fields will be pre-filled with the value: ``.' },
    ]);
  });
});
