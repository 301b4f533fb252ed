import { describe, expect, it } from 'vitest';
import { build, relation, relationField } from '../../test/build.fixture.js';
import { buildSchema } from '../build-schema.js';

describe('relation manifestations (spec §2.6, §3.4)', () => {
  it('stores a one-to-many relation inline on the to-one side, named after the field or its @db', () => {
    const schema = build(`
      type User { id: ID! @id  posts: [Post!]! }
      type Post { id: ID! @id  author: User! @db(name: "author_id") }`);
    expect(relation(schema, 'PostToUser')).toEqual({
      name: 'PostToUser',
      modelA: 'Post',
      modelB: 'User',
      modelAOnDelete: 'SET_NULL',
      modelBOnDelete: 'SET_NULL',
      manifestation: { kind: 'inline', inTableOfModel: 'Post', referencingColumn: 'author_id' },
    });
    expect(relationField(schema, 'Post', 'author')).toMatchObject({ relationSide: 'A', isRequired: true, isList: false });
    expect(relationField(schema, 'User', 'posts')).toMatchObject({ relationSide: 'B', isRequired: false, isList: true });
  });

  it('puts a 1:1 relation where `link: INLINE` says', () => {
    const schema = build(`
      type User { id: ID! @id  profile: Profile @relation(link: INLINE) }
      type Profile { id: ID! @id  user: User! }`);
    expect(relation(schema, 'ProfileToUser').manifestation).toEqual({
      kind: 'inline',
      inTableOfModel: 'User',
      referencingColumn: 'profile',
    });
  });

  it('stores a 1:1 relation with `link: TABLE` in `_<Relation>` with columns A and B', () => {
    const schema = build(`
      type User { id: ID! @id  profile: Profile @relation(link: TABLE) }
      type Profile { id: ID! @id  user: User }`);
    expect(relation(schema, 'ProfileToUser').manifestation).toEqual({
      kind: 'table',
      table: '_ProfileToUser',
      modelAColumn: 'A',
      modelBColumn: 'B',
      idColumn: null,
    });
  });

  it('stores a many-to-many relation in a link table', () => {
    const schema = build(`
      type Post { id: ID! @id  categories: [Category!]! }
      type Category { id: ID! @id  posts: [Post!]! }`);
    expect(relation(schema, 'CategoryToPost')).toMatchObject({
      modelA: 'Category',
      modelB: 'Post',
      manifestation: { kind: 'table', table: '_CategoryToPost', modelAColumn: 'A', modelBColumn: 'B', idColumn: null },
    });
  });

  it('stores a one-sided to-one inline and gives the other model a hidden list back field', () => {
    const schema = build(`
      type Post { id: ID! @id  editor: User }
      type User { id: ID! @id }`);
    expect(relation(schema, 'PostToUser').manifestation).toEqual({
      kind: 'inline',
      inTableOfModel: 'Post',
      referencingColumn: 'editor',
    });
    expect(relationField(schema, 'User', '_MagicalBackRelation_PostToUser')).toEqual({
      kind: 'relation',
      name: '_MagicalBackRelation_PostToUser',
      relatedModel: 'Post',
      relationName: 'PostToUser',
      relationSide: 'B',
      isRequired: false,
      isList: true,
      isHidden: true,
    });
  });

  it('stores a one-sided to-many relation in a link table (Appendix B: Post.categories)', () => {
    const schema = build(`
      type Post { id: ID! @id  categories: [Category!]! }
      type Category { id: ID! @id  name: String! @unique }`);
    expect(relation(schema, 'CategoryToPost').manifestation).toMatchObject({ kind: 'table', table: '_CategoryToPost' });
    expect(relationField(schema, 'Category', '_MagicalBackRelation_CategoryToPost')).toMatchObject({
      relationSide: 'A',
      isHidden: true,
      isList: true,
    });
    expect(relationField(schema, 'Post', 'categories').relationSide).toBe('B');
  });

  it('names a link table and its columns after a @relationTable type', () => {
    const schema = build(`
      type Post { id: ID! @id  tags: [Tag!]! @relation(name: "PostTags") }
      type Tag { id: ID! @id  posts: [Post!]! @relation(name: "PostTags") }
      type PostTags @relationTable @db(name: "post_tags") { post: Post @db(name: "post_id")  tag: Tag }`);
    expect(relation(schema, 'PostTags').manifestation).toEqual({
      kind: 'table',
      table: 'post_tags',
      modelAColumn: 'post_id',
      modelBColumn: 'tag',
      idColumn: null,
    });
    expect(schema.models.map((m) => m.name)).toEqual(['Post', 'Tag']);
  });

  it('keeps the id column of a @relationTable type that declares one', () => {
    const result = buildSchema(`
      type Post { id: ID! @id  tags: [Tag!]! @relation(name: "PostTags") }
      type Tag { id: ID! @id  posts: [Post!]! @relation(name: "PostTags") }
      type PostTags @relationTable { id: ID! @id  post: Post  tag: Tag }`);
    expect(result.ok).toBe(true);
    if (result.ok) expect(relation(result.schema, 'PostTags').manifestation).toMatchObject({ idColumn: 'id' });
  });

  it('stores every 1.0 relation in a link table with an id column (Appendix A)', () => {
    const schema = build(`
      type User { id: ID! @unique  posts: [Post!]!  profile: Profile }
      type Post { id: ID! @unique  author: User! }
      type Profile { id: ID! @unique  user: User }`);
    for (const name of ['PostToUser', 'ProfileToUser']) {
      expect(relation(schema, name).manifestation).toEqual({
        kind: 'table',
        table: `_${name}`,
        modelAColumn: 'A',
        modelBColumn: 'B',
        idColumn: 'id',
      });
    }
  });
});

describe('relation names, sides and onDelete (spec §3.2)', () => {
  it('takes the name from either side and records onDelete per side', () => {
    const schema = build(`
      type User { id: ID! @id  posts: [Post!]! @relation(name: "Authorship", onDelete: CASCADE) }
      type Post { id: ID! @id  author: User! @relation(name: "Authorship") }
      type Comment { id: ID! @id  post: Post! @relation(name: "Comments") }`);
    expect(relation(schema, 'Authorship')).toMatchObject({ modelA: 'Post', modelB: 'User', modelAOnDelete: 'SET_NULL', modelBOnDelete: 'CASCADE' });
    expect(relation(schema, 'Comments')).toMatchObject({ modelA: 'Comment', modelB: 'Post' });
  });

  it('orders models by plain code-unit comparison (uppercase before lowercase)', () => {
    const schema = build(`
      type apple { id: ID! @id  zebra: Zebra }
      type Zebra { id: ID! @id }`, { format: '1.1' });
    expect(schema.relations.map((r) => [r.modelA, r.modelB])).toEqual([['Zebra', 'apple']]);
  });

  it('shortens generated names longer than 54 characters from the longer model name', () => {
    const a = 'A'.repeat(20);
    const b = 'B'.repeat(40);
    const schema = build(`type ${a} { id: ID! @id  b: ${b} }  type ${b} { id: ID! @id }`);
    const [only] = schema.relations;
    expect(only!.name).toBe(`${a}To${'B'.repeat(32)}`);
    expect(only!.name).toHaveLength(54);
  });

  it('assigns self-relation sides by field name, and a lone self field to side A', () => {
    const schema = build(`
      type User {
        id: ID! @id
        following: [User!]! @relation(name: "Follows")
        followers: [User!]! @relation(name: "Follows")
        mentor: User @relation(name: "Mentor")
      }`);
    expect(relationField(schema, 'User', 'followers').relationSide).toBe('A');
    expect(relationField(schema, 'User', 'following').relationSide).toBe('B');
    expect(relationField(schema, 'User', 'mentor').relationSide).toBe('A');
    expect(relationField(schema, 'User', '_MagicalBackRelation_Mentor')).toMatchObject({ relationSide: 'B', isHidden: true });
    expect(relation(schema, 'Mentor').manifestation).toEqual({ kind: 'inline', inTableOfModel: 'User', referencingColumn: 'mentor' });
  });

  it('reports 4004 when two generated names collide after shortening', () => {
    const long = 'X'.repeat(60);
    const result = buildSchema(`
      type ${long}1 { id: ID! @id  a: Aa }
      type ${long}2 { id: ID! @id  a: Aa }
      type Aa { id: ID! @id }`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(4004);
    expect(result.errors[0]!.description).toMatch(/^There was an error during the autogeneration of relation names\.\nPrisma generated the name AaTo.* twice, once for:\nA relation between Aa and X+1\nA relation between Aa and X+2\nPlease name at least one of the relations\.$/);
  });

  it('keeps A/B and self-relation sides from the previous schema across a rename', () => {
    const previous = build(`
      type Post { id: ID! @id  author: User! }
      type User { id: ID! @id  posts: [Post!]! }`);
    expect(relation(previous, 'PostToUser')).toMatchObject({ modelA: 'Post', modelB: 'User' });
    const next = build(`
      type Post { id: ID! @id  author: Account! }
      type Account @rename(oldName: "User") { id: ID! @id  posts: [Post!]! }`, { previous });
    const renamed = relation(next, 'AccountToPost');
    expect(renamed).toMatchObject({ modelA: 'Post', modelB: 'Account' });
    expect(relationField(next, 'Post', 'author').relationSide).toBe('A');

    const selfBefore = build(`type User { id: ID! @id  b: [User!]! @relation(name: "R")  c: [User!]! @relation(name: "R") }`);
    const selfAfter = build(`type User { id: ID! @id  z: [User!]! @relation(name: "R") @rename(oldName: "b")  c: [User!]! @relation(name: "R") }`, {
      previous: selfBefore,
    });
    expect(relationField(selfAfter, 'User', 'z').relationSide).toBe('A');
    expect(relationField(selfAfter, 'User', 'c').relationSide).toBe('B');
  });
});
