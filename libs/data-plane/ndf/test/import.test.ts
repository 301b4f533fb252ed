// `/import` on a real PostgreSQL (spec §14.2): what each value type accepts, what a missing value
// becomes, list appends, relation pairs in link tables and inline columns, Prisma's per-row error
// messages — and that a request with any error writes nothing (one transaction per request).
import { useTestDatabase } from '@refract/shared/testing';
import { compile } from '@refract/sql';
import { describe, expect, it } from 'vitest';
import { NdfError, importNdf, type RunTransaction } from '../src/index.js';
import { EVERY_KIND, EVERY_KIND_SEED } from './fixtures/every-kind.fixture.js';
import { LEGACY, LEGACY_SEED } from './fixtures/legacy.fixture.js';
import { createProject, rows, type Project } from './ndf.harness.js';

const database = useTestDatabase({ prefix: 'ndf_import' });

const NOW = new Date('2021-06-07T08:09:10.123Z');

function importInto(project: Project, valueType: string, values: unknown[]): Promise<string[]> {
  return importNdf(project.schema, project.schemaName, { valueType, values }, project.transaction, { now: NOW });
}

const user = (id: string, extra: Record<string, unknown> = {}) => ({ _typeName: 'User', id, email: `${id}@x.io`, active: true, role: 'USER', ...extra });

describe('nodes', () => {
  it('writes every value type; missing @createdAt/@updatedAt become now, other missing fields NULL', async () => {
    const project = await createProject(database, EVERY_KIND);
    const answer = await importInto(project, 'nodes', [
      { _typeName: 'Image', id: 'i1', url: 'a.png', createdAt: '2020-01-01T00:00:00.000Z', updatedAt: 'ignored: Image has no such fields' },
      user('u1', { name: 'Ann', age: -2147483648, score: 1.5e-7, born: '1980-05-06T07:08:09.010Z', meta: { a: [1, null] }, role: 'ADMIN', ref: 'r', createdAt: '2019-01-01T00:00:00.000Z', updatedAt: null }),
      user('u2', { active: false, meta: [] }),
      { _typeName: 'Profile', id: '6F1C2A4E-8D3B-4C55-9E6A-0B1C2D3E4F50', bio: null },
    ]);
    expect(answer).toEqual([]);
    expect(await rows(project, 'SELECT * FROM "User" ORDER BY id')).toEqual([
      {
        id: 'u1',
        email: 'u1@x.io',
        name: 'Ann',
        age: -2147483648,
        score: '0.000000150000000000000000000000',
        active: true,
        born: new Date('1980-05-06T07:08:09.010Z'),
        meta: '{"a":[1,null]}',
        role: 'ADMIN',
        ref: 'r',
        createdAt: new Date('2019-01-01T00:00:00.000Z'),
        updatedAt: NOW,
        profile: null,
        mentor: null,
      },
      { id: 'u2', email: 'u2@x.io', name: null, age: null, score: null, active: false, born: null, meta: '[]', role: 'USER', ref: null, createdAt: NOW, updatedAt: NOW, profile: null, mentor: null },
    ]);
    expect(await rows(project, 'SELECT * FROM "Image"')).toEqual([{ id: 'i1', url: 'a.png' }]);
    // UUIDs are stored in their canonical form.
    expect(await rows(project, 'SELECT id::text, bio FROM "Profile"')).toEqual([{ id: '6f1c2a4e-8d3b-4c55-9e6a-0b1c2d3e4f50', bio: null }]);
  });

  it('reads DateTime in the three forms Prisma read', async () => {
    const project = await createProject(database, EVERY_KIND);
    const born = ['2019-05-06T07:08:09.010Z', '2019-05-06T07:08:09Z', '2019-05-06 07:08:09', '2019-05-06T09:08:09.5+02:00', '2019-05-06T02:08:09.123456-0500'];
    expect(await importInto(project, 'nodes', born.map((value, i) => user(`d${i}`, { born: value })))).toEqual([]);
    expect((await rows(project, `SELECT to_char(born, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS born FROM "User" ORDER BY id`)).map((r) => r.born)).toEqual([
      '2019-05-06T07:08:09.010',
      '2019-05-06T07:08:09.000',
      '2019-05-06T07:08:09.000',
      '2019-05-06T07:08:09.500',
      '2019-05-06T07:08:09.123',
    ]);
  });

  it("refuses unknown fields and invalid values with Prisma's messages, and writes nothing of the request", async () => {
    const project = await createProject(database, EVERY_KIND);
    const answer = await importInto(project, 'nodes', [
      { _typeName: 'Image', id: 'ok', url: 'fine.png' },
      user('e1', { nope: 1 }),
      user('e2', { posts: [], nicknames: ['a'] }),
      user('e3', { age: 1.5, score: 'x', active: 'true', born: '2019-05-06', role: 'GUEST', name: 5 }),
      user('e4', { age: 2 ** 31, born: '2019-05-06T07:08', ref: 12 }),
      { _typeName: 'Profile', id: 'not-a-uuid' },
      { _typeName: 'Counter', id: '1', label: 'Int ids are not importable' },
      user('fine'),
    ]);
    expect(answer).toEqual([
      "The model User with id e1 has an unknown field 'nope' in field list.",
      "The model User with id e2 has an unknown field 'posts' in field list.",
      "The model User with id e2 has an unknown field 'nicknames' in field list.",
      // In the element's key order (user() puts active and role first).
      "The model User with id e3 has an invalid value for field' active'.",
      "The model User with id e3 has an invalid value for field' role'.",
      "The model User with id e3 has an invalid value for field' age'.",
      "The model User with id e3 has an invalid value for field' score'.",
      "The model User with id e3 has an invalid value for field' born'.",
      "The model User with id e3 has an invalid value for field' name'.",
      "The model User with id e4 has an invalid value for field' age'.",
      "The model User with id e4 has an invalid value for field' born'.",
      "The model User with id e4 has an invalid value for field' ref'.",
      "The model Profile with id not-a-uuid has an invalid value for field' id'.",
      "The model Counter with id 1 has an invalid value for field' id'.",
    ]);
    expect(await rows(project, 'SELECT (SELECT count(*) FROM "User")::int AS users, (SELECT count(*) FROM "Image")::int AS images')).toEqual([{ users: 0, images: 0 }]);
  });

  it('names every row the database refuses, and rolls back the batches that went through', async () => {
    const project = await createProject(database, EVERY_KIND, EVERY_KIND_SEED);
    const answer = await importInto(project, 'nodes', [
      { _typeName: 'Image', id: 'i9', url: 'written, then rolled back' },
      user('u1'),
      user('n1'),
      user('n1', { email: 'other@x.io' }),
      user('n2', { email: 'ann@x.io' }),
      { _typeName: 'User', id: 'n3', active: true, role: 'USER' },
      user('c'.repeat(26)),
    ]);
    const pkey = 'duplicate key value violates unique constraint "User_pkey"';
    expect(answer).toEqual([
      `Failure inserting User with Id: u1. Cause: ${pkey}\n  Detail: Key (id)=(u1) already exists.`,
      `Failure inserting User with Id: n1. Cause: ${pkey}\n  Detail: Key (id)=(n1) already exists.`,
      `Failure inserting User with Id: n2. Cause: duplicate key value violates unique constraint "${project.schemaName}.User.email._UNIQUE"\n  Detail: Key (email)=(ann@x.io) already exists.`,
      expect.stringMatching(/^Failure inserting User with Id: n3\. Cause: null value in column "email" of relation "User" violates not-null constraint\n {2}Detail: Failing row contains \(n3, null, /),
      `Failure inserting User with Id: ${'c'.repeat(26)}. Cause: value too long for type character varying(25)`,
    ]);
    expect(await rows(project, `SELECT id FROM "User" ORDER BY id`)).toEqual([{ id: 'u1' }, { id: 'u2' }, { id: 'u3' }]);
    expect(await rows(project, `SELECT id FROM "Image" WHERE id = 'i9'`)).toEqual([]);
  });

  it('registers 1.0 nodes in _RelayId and stamps their hidden timestamps', async () => {
    const project = await createProject(database, LEGACY, LEGACY_SEED);
    expect(await importInto(project, 'nodes', [{ _typeName: 'Label', id: 'l2', name: 'tech' }])).toEqual([]);
    expect(await rows(project, `SELECT * FROM "Label" WHERE id = 'l2'`)).toEqual([{ id: 'l2', name: 'tech', createdAt: NOW, updatedAt: NOW }]);
    const label = project.schema.models.find((m) => m.name === 'Label')!;
    expect(await rows(project, `SELECT * FROM "_RelayId"`)).toEqual([{ id: 'l2', stableModelIdentifier: label.stableIdentifier }]);
    // A node that exists already fails twice, as in Prisma: its row and its _RelayId row.
    await rows(project, `INSERT INTO "_RelayId" VALUES ('u1', 'x')`);
    expect(await importInto(project, 'nodes', [{ _typeName: 'User', id: 'u1', name: 'Again' }])).toEqual([
      expect.stringMatching(/^Failure inserting User with Id: u1\. Cause: duplicate key value violates unique constraint "User_pkey"/),
      expect.stringMatching(/^Failure inserting RelayRow with Id: u1\. Cause: duplicate key value violates unique constraint "pk_RelayId"/),
    ]);
  });
});

describe('lists', () => {
  it("appends after the node's last position, elements for one node in order", async () => {
    const project = await createProject(database, EVERY_KIND, EVERY_KIND_SEED);
    const answer = await importInto(project, 'lists', [
      { _typeName: 'User', id: 'u1', nicknames: ['x'] },
      { _typeName: 'User', id: 'u2', lucky: [1], nicknames: ['first'] },
      { _typeName: 'User', id: 'u1', nicknames: ['y', 'z'] },
      { _typeName: 'Profile', id: '00000000-0000-4000-8000-000000000001', visits: ['2020-01-01 00:00:00'] },
      { _typeName: 'Counter', id: '2', ratios: [] },
    ]);
    expect(answer).toEqual([]);
    expect(await rows(project, `SELECT "nodeId", "position", "value" FROM "User_nicknames" ORDER BY "nodeId", "position"`)).toEqual([
      { nodeId: 'u1', position: 1000, value: 'annie' },
      { nodeId: 'u1', position: 2000, value: 'A' },
      { nodeId: 'u1', position: 3000, value: 'a,b "c"' },
      { nodeId: 'u1', position: 4000, value: 'x' },
      { nodeId: 'u1', position: 5000, value: 'y' },
      { nodeId: 'u1', position: 6000, value: 'z' },
      { nodeId: 'u2', position: 1000, value: 'first' },
      { nodeId: 'u3', position: 1000, value: '' },
    ]);
    expect(await rows(project, `SELECT "position", "value" FROM "User_lucky" ORDER BY "position"`)).toEqual([
      { position: 1000, value: 7 },
      { position: 2000, value: -2147483648 },
      { position: 3000, value: 2147483647 },
      { position: 4000, value: 1 },
    ]);
    expect(await rows(project, `SELECT "position" FROM "Profile_visits" WHERE "nodeId" = '00000000-0000-4000-8000-000000000001'`)).toEqual([{ position: 1000 }]);
  });

  it('refuses unknown fields, invalid values and missing nodes, and writes nothing of the request', async () => {
    const project = await createProject(database, EVERY_KIND, EVERY_KIND_SEED);
    const answer = await importInto(project, 'lists', [
      { _typeName: 'User', id: 'u2', nicknames: ['kept?'] },
      { _typeName: 'User', id: 'u1', name: ['not a list field'], unknown: [1] },
      { _typeName: 'User', id: 'u1', lucky: [1, 'two'], nicknames: 'not an array' },
      { _typeName: 'Post', id: 'p1', flags: [true, null] },
      { _typeName: 'User', id: 'ghost', nicknames: ['a', 'b'] },
    ]);
    const fk = (value: string) =>
      `Failure inserting into listTable User_nicknames for the id ghost for value ${value}. Cause: insert or update on table "User_nicknames" violates foreign key constraint "User_nicknames_nodeId_fkey"\n  Detail: Key (nodeId)=(ghost) is not present in table "User".`;
    expect(answer).toEqual([
      "The model User with id u1 has an unknown field 'name' in field list.",
      "The model User with id u1 has an unknown field 'unknown' in field list.",
      "The model User with id u1 has an invalid value for field' lucky'.",
      "The model User with id u1 has an invalid value for field' nicknames'.",
      "The model Post with id p1 has an invalid value for field' flags'.",
      fk('a'),
      fk('b'),
    ]);
    expect(await rows(project, `SELECT count(*)::int AS n FROM "User_nicknames" WHERE "nodeId" = 'u2'`)).toEqual([{ n: 0 }]);
  });
});

describe('relations', () => {
  const side = (_typeName: string, id: string, fieldName?: string) => (fieldName ? { _typeName, id, fieldName } : { _typeName, id });

  it('writes pairs into link tables and inline columns held on either side, named from either side', async () => {
    const project = await createProject(database, EVERY_KIND, EVERY_KIND_SEED);
    await rows(project, `UPDATE "User" SET profile = NULL, mentor = NULL; UPDATE "Post" SET cover = NULL; DELETE FROM "_CategoryToPost"; DELETE FROM "_Friends"`);
    const answer = await importInto(project, 'relations', [
      [side('User', 'u2', 'profile'), side('Profile', '6f1c2a4e-8d3b-4c55-9e6a-0b1c2d3e4f50')],
      [side('Profile', '00000000-0000-4000-8000-000000000001', 'user'), side('User', 'u1')],
      [side('User', 'u3', 'posts'), side('Post', 'p2')],
      [side('User', 'u1', 'mentor'), side('User', 'u3', 'mentees')],
      [side('User', 'u2', 'mentees'), side('User', 'u3')],
      [side('User', 'u3'), side('User', 'u1', 'friends')],
      [side('Category', 'c2'), side('Post', 'p3', 'categories')],
      [side('Post', 'p2', 'cover'), side('Image', 'i3')],
      // An inline to-one column holds the last node given.
      [side('Post', 'p2', 'cover'), side('Image', 'i1')],
    ]);
    expect(answer).toEqual([]);
    expect(await rows(project, `SELECT id, profile::text, mentor FROM "User" ORDER BY id`)).toEqual([
      { id: 'u1', profile: '00000000-0000-4000-8000-000000000001', mentor: 'u3' },
      { id: 'u2', profile: '6f1c2a4e-8d3b-4c55-9e6a-0b1c2d3e4f50', mentor: null },
      { id: 'u3', profile: null, mentor: 'u2' },
    ]);
    expect(await rows(project, `SELECT id, author, cover FROM "Post" ORDER BY id`)).toEqual([
      { id: 'p1', author: 'u1', cover: null },
      { id: 'p2', author: 'u3', cover: 'i1' },
      { id: 'p3', author: 'u2', cover: null },
    ]);
    expect(await rows(project, `SELECT "A", "B" FROM "_Friends"`)).toEqual([{ A: 'u1', B: 'u3' }]);
    expect(await rows(project, `SELECT "A", "B" FROM "_CategoryToPost"`)).toEqual([{ A: 'c2', B: 'p3' }]);
  });

  it("names the pairs the database refuses, and writes nothing of the request", async () => {
    const project = await createProject(database, EVERY_KIND, EVERY_KIND_SEED);
    const answer = await importInto(project, 'relations', [
      [side('Post', 'p2', 'categories'), side('Category', 'c2')],
      [side('Post', 'p1', 'categories'), side('Category', 'c1')],
      [side('Post', 'p1', 'categories'), side('Category', 'nope')],
      [side('Post', 'p9', 'author'), side('User', 'u1')],
      [side('Post', 'p2', 'author'), side('User', 'u9')],
      [side('Post', 'p1', 'counter'), side('Counter', 'one')],
    ]);
    expect(answer).toEqual([
      'Failure inserting into relationtable _CategoryToPost with ids c1 and p1. Cause: duplicate key value violates unique constraint "_CategoryToPost_AB_unique"\n  Detail: Key ("A", "B")=(c1, p1) already exists.',
      expect.stringMatching(/^Failure inserting into relationtable _CategoryToPost with ids nope and p1\. Cause: insert or update on table "_CategoryToPost" violates foreign key constraint .*\n {2}Detail: Key \(A\)=\(nope\) is not present in table "Category"\.$/),
      'Failure inserting into relationtable Post with ids p9 and u1. Cause: There is no Post with id p9.',
      expect.stringMatching(/^Failure inserting into relationtable Post with ids p2 and u9\. Cause: insert or update on table "Post" violates foreign key constraint/),
      'Failure inserting into relationtable _CounterToPost with ids one and p1. Cause: invalid input syntax for type integer: "one"',
    ]);
    expect(await rows(project, `SELECT count(*)::int AS n FROM "_CategoryToPost" WHERE "B" = 'p2'`)).toEqual([{ n: 0 }]);
    expect(await rows(project, `SELECT author FROM "Post" WHERE id = 'p2'`)).toEqual([{ author: 'u1' }]);
  });

  it('gives 1.0 link rows a fresh cuid', async () => {
    const project = await createProject(database, LEGACY, LEGACY_SEED);
    expect(await importInto(project, 'relations', [[side('User', 'u2', 'best'), side('User', 'u1')]])).toEqual([]);
    const links = await rows(project, `SELECT id, "A", "B" FROM "_BestFriend" ORDER BY "A"`);
    expect(links).toEqual([
      { id: 'cjld0000000000000000link2', A: 'u1', B: 'u2' },
      { id: expect.stringMatching(/^c[0-9a-z]{24}$/), A: 'u2', B: 'u1' },
    ]);
  });

  it.each([
    ['a pair that is not an array of two sides', [side('User', 'u1', 'posts')]],
    ['a side without an id string', [{ _typeName: 'User', id: 1, fieldName: 'posts' }, side('Post', 'p1')]],
    ['no fieldName on either side', [side('User', 'u1'), side('Post', 'p1')]],
    ['a fieldName that is not a relation field', [side('User', 'u1', 'email'), side('Post', 'p1')]],
    ['a hidden back-relation field', [side('Image', 'i1', '_MagicalBackRelation_PostCover'), side('Post', 'p1')]],
    ['an unknown model', [side('Person', 'u1', 'posts'), side('Post', 'p1')]],
    ['another model than the field relates to', [side('User', 'u1', 'posts'), side('Image', 'i1')]],
  ])('fails the request for %s', async (_name, pair) => {
    const project = await createProject(database, EVERY_KIND);
    await expect(importInto(project, 'relations', [pair])).rejects.toBeInstanceOf(NdfError);
  });
});

describe('the request', () => {
  it.each([
    ['an array', []],
    ['no valueType', { values: [] }],
    ['an unknown valueType', { valueType: 'rows', values: [] }],
    ['values that are not an array', { valueType: 'nodes', values: {} }],
    ['a node without _typeName', { valueType: 'nodes', values: [{ id: 'a' }] }],
    ['a node of an unknown model', { valueType: 'nodes', values: [{ _typeName: 'Person', id: 'a' }] }],
    ['a node whose id is not a string', { valueType: 'nodes', values: [{ _typeName: 'Counter', id: 1 }] }],
    ['a list element that is not an object', { valueType: 'lists', values: ['u1'] }],
  ])('fails as a whole for %s', async (_name, body) => {
    const project = await createProject(database, EVERY_KIND);
    await expect(importNdf(project.schema, project.schemaName, body, project.transaction)).rejects.toBeInstanceOf(NdfError);
  });

  it('answers [] for no values, without a transaction', async () => {
    const project = await createProject(database, EVERY_KIND);
    const refuse: RunTransaction = () => Promise.reject(new Error('no transaction expected'));
    expect(await importNdf(project.schema, project.schemaName, { valueType: 'relations', values: [] }, refuse)).toEqual([]);
  });

  it('rejects with a failure that is not about the data (a timeout), rolling back', async () => {
    const project = await createProject(database, EVERY_KIND);
    const timeout = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    const failing: RunTransaction = (work) =>
      project.transaction((run) => work((statement) => (compile(statement).text.startsWith('INSERT') ? Promise.reject(timeout) : run(statement))));
    await expect(importNdf(project.schema, project.schemaName, { valueType: 'nodes', values: [user('t1')] }, failing)).rejects.toBe(timeout);
    expect(await rows(project, 'SELECT count(*)::int AS n FROM "User"')).toEqual([{ n: 0 }]);
  });
});
