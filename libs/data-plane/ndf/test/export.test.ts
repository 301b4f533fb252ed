// `/export` on a real PostgreSQL (spec §14.1): the element formats of every field type, list and
// relation kind, in both datamodel formats; the paging protocol (isFull, the cursor of the first
// element left out, the terminal cursor) crossed with lowered limits; reads bounded by one page.
import { compile } from '@refract/sql';
import { useTestDatabase } from '@refract/shared/testing';
import { describe, expect, it } from 'vitest';
import { NdfError, TERMINAL_CURSOR, exportNdf, type NdfLimits, type RunStatement } from '../src/index.js';
import { EVERY_KIND, EVERY_KIND_SEED } from './fixtures/every-kind.fixture.js';
import { LEGACY, LEGACY_SEED } from './fixtures/legacy.fixture.js';
import { PAGING, PAGING_SEED } from './fixtures/paging.fixture.js';
import { createProject, elementsOf, exportFiles, exportOnce, type ExportResponse, type Project } from './ndf.harness.js';

const database = useTestDatabase({ prefix: 'ndf_export' });

const START = { table: 0, row: 0, field: 0, array: 0 };

/** The one response of a file type that fits in one response; `size` counts the elements' text as sent. */
async function single(project: Project, fileType: string): Promise<ExportResponse> {
  const text = await exportNdf(project.schema, project.schemaName, { fileType, cursor: START }, project.run);
  const response = JSON.parse(text) as ExportResponse;
  expect(response.cursor).toEqual(TERMINAL_CURSOR);
  expect(response.isFull).toBe(false);
  const elementsText = text.slice(text.indexOf('[') + 1, text.indexOf('],"size":'));
  const commas = Math.max(response.out.jsonElements.length - 1, 0);
  expect(response.out.size).toBe(elementsText.length - commas);
  return response;
}

describe('element formats', () => {
  it('writes nodes with every field type: nulls left out, DateTime with milliseconds and Z, Float and Int ids as numbers, Json embedded', async () => {
    const project = await createProject(database, EVERY_KIND, EVERY_KIND_SEED);
    expect((await single(project, 'nodes')).out.jsonElements).toEqual([
      {
        _typeName: 'User',
        id: 'u1',
        email: 'ann@x.io',
        name: 'Ann',
        age: 42,
        score: 1.25,
        active: true,
        born: '1980-05-06T07:08:09.010Z',
        meta: { theme: 'dark', n: [1, 2.5, null], deep: { a: null } },
        role: 'ADMIN',
        ref: 'ext-1',
        createdAt: '2019-01-01T00:00:00.000Z',
        updatedAt: '2019-01-02T03:04:05.678Z',
      },
      { _typeName: 'User', id: 'u2', email: 'bob@x.io', active: false, role: 'USER', createdAt: '2019-02-01T00:00:00.000Z', updatedAt: '2019-02-01T00:00:00.000Z' },
      {
        _typeName: 'User',
        id: 'u3',
        email: 'cé@x.io',
        name: 'Zoë ✓',
        age: -7,
        score: -0.000123456789,
        active: true,
        born: '2038-01-19T03:14:08.000Z',
        meta: [1, 'two', { three: 3 }],
        role: 'USER',
        createdAt: '2019-03-01T00:00:00.000Z',
        updatedAt: '2019-03-01T00:00:00.000Z',
      },
      { _typeName: 'Profile', id: '00000000-0000-4000-8000-000000000001' },
      { _typeName: 'Profile', id: '6f1c2a4e-8d3b-4c55-9e6a-0b1c2d3e4f50', bio: 'Hi "there"' },
      { _typeName: 'Post', id: 'p1', title: 'Hello', weight: 3.5 },
      { _typeName: 'Post', id: 'p2', title: 'Draft' },
      { _typeName: 'Post', id: 'p3', title: 'Bye', weight: 0 },
      { _typeName: 'Category', id: 'c1', name: 'news' },
      { _typeName: 'Category', id: 'c2', name: 'tech' },
      { _typeName: 'Image', id: 'i1', url: 'a.png' },
      { _typeName: 'Image', id: 'i2', url: 'b.png' },
      { _typeName: 'Image', id: 'i3', url: 'c.png' },
      { _typeName: 'Counter', id: 1, label: 'one' },
      { _typeName: 'Counter', id: 2 },
    ]);
  });

  it('writes one element per node and list field, values in position order, ids as strings', async () => {
    const project = await createProject(database, EVERY_KIND, EVERY_KIND_SEED);
    expect((await single(project, 'lists')).out.jsonElements).toEqual([
      { _typeName: 'User', id: 'u1', nicknames: ['annie', 'A', 'a,b "c"'] },
      { _typeName: 'User', id: 'u3', nicknames: [''] },
      { _typeName: 'User', id: 'u2', lucky: [7, -2147483648, 2147483647] },
      { _typeName: 'Profile', id: '6f1c2a4e-8d3b-4c55-9e6a-0b1c2d3e4f50', visits: ['2020-02-29T23:59:59.999Z', '1970-01-01T00:00:00.000Z'] },
      { _typeName: 'Post', id: 'p1', flags: [true, false] },
      { _typeName: 'Post', id: 'p2', moods: ['ADMIN', 'USER'] },
      { _typeName: 'Post', id: 'p3', extras: [{ k: 'v' }, []] },
      { _typeName: 'Counter', id: '1', ratios: [0.5, 1e20] },
    ]);
  });

  it('writes every relation kind as [side B, side A], fieldName left out on a hidden side', async () => {
    const project = await createProject(database, EVERY_KIND, EVERY_KIND_SEED);
    const side = (_typeName: string, id: string, fieldName?: string) => (fieldName ? { _typeName, id, fieldName } : { _typeName, id });
    expect((await single(project, 'relations')).out.jsonElements).toEqual([
      // ProfileToUser: 1:1 inline, the column in User = side B.
      [side('User', 'u1', 'profile'), side('Profile', '6f1c2a4e-8d3b-4c55-9e6a-0b1c2d3e4f50', 'user')],
      [side('User', 'u3', 'profile'), side('Profile', '00000000-0000-4000-8000-000000000001', 'user')],
      // PostToUser: 1:n inline, the column in Post = side A.
      [side('User', 'u1', 'posts'), side('Post', 'p1', 'author')],
      [side('User', 'u1', 'posts'), side('Post', 'p2', 'author')],
      [side('User', 'u2', 'posts'), side('Post', 'p3', 'author')],
      // Mentorship: self relation, inline (`mentor` is side B: "mentees" < "mentor").
      [side('User', 'u2', 'mentor'), side('User', 'u1', 'mentees')],
      [side('User', 'u3', 'mentor'), side('User', 'u1', 'mentees')],
      // Friends: one-sided self relation in a link table (side B hidden).
      [side('User', 'u2'), side('User', 'u1', 'friends')],
      [side('User', 'u3'), side('User', 'u2', 'friends')],
      // CategoryToPost: n:m link table, ordered by A then B.
      [side('Post', 'p1', 'categories'), side('Category', 'c1', 'posts')],
      [side('Post', 'p3', 'categories'), side('Category', 'c1', 'posts')],
      [side('Post', 'p1', 'categories'), side('Category', 'c2', 'posts')],
      // PostCover: one-sided to-one, inline in Post (side B); Image's side is hidden.
      [side('Post', 'p1', 'cover'), side('Image', 'i1')],
      [side('Post', 'p3', 'cover'), side('Image', 'i2')],
      // PostAttachments: one-sided to-many in a link table.
      [side('Post', 'p1', 'attachments'), side('Image', 'i2')],
      [side('Post', 'p1', 'attachments'), side('Image', 'i3')],
      [side('Post', 'p2', 'attachments'), side('Image', 'i3')],
      // CounterToPost: 1:n kept in a link table, Int ids as strings.
      [side('Post', 'p1', 'counter'), side('Counter', '1', 'posts')],
      [side('Post', 'p2', 'counter'), side('Counter', '2', 'posts')],
    ]);
  });

  it('writes a 1.0 project: hidden createdAt/updatedAt, every relation from its link table', async () => {
    const project = await createProject(database, LEGACY, LEGACY_SEED);
    const post = '11111111-1111-4111-8111-111111111111';
    expect((await single(project, 'nodes')).out.jsonElements).toEqual([
      { _typeName: 'User', id: 'u1', name: 'Ann', createdAt: '2018-01-01T10:00:00.000Z', updatedAt: '2018-02-01T10:00:00.500Z' },
      { _typeName: 'User', id: 'u2', name: 'Bob', createdAt: '2018-01-02T10:00:00.000Z', updatedAt: '2018-01-02T10:00:00.000Z' },
      { _typeName: 'Post', id: post, title: 'Hello', createdAt: '2018-03-01T00:00:00.000Z', updatedAt: '2018-03-02T00:00:00.000Z' },
      { _typeName: 'Label', id: 'l1', name: 'news', createdAt: '2018-04-01T00:00:00.000Z', updatedAt: '2018-04-01T00:00:00.000Z' },
    ]);
    expect((await single(project, 'lists')).out.jsonElements).toEqual([{ _typeName: 'User', id: 'u1', tags: ['x', 'y'] }]);
    expect((await single(project, 'relations')).out.jsonElements).toEqual([
      [{ _typeName: 'User', id: 'u1', fieldName: 'posts' }, { _typeName: 'Post', id: post, fieldName: 'author' }],
      [{ _typeName: 'User', id: 'u2' }, { _typeName: 'User', id: 'u1', fieldName: 'best' }],
      [{ _typeName: 'Post', id: post, fieldName: 'labels' }, { _typeName: 'Label', id: 'l1', fieldName: 'posts' }],
    ]);
  });

  it('answers the terminal cursor at once when a file type has nothing to export, or the cursor is past the end', async () => {
    const project = await createProject(database, 'type Lone { id: ID! @id  name: String }', '');
    for (const fileType of ['nodes', 'lists', 'relations']) {
      expect(await exportOnce(project, { fileType, cursor: START })).toEqual({ out: { jsonElements: [], size: 0 }, cursor: TERMINAL_CURSOR, isFull: false });
    }
    const seeded = await createProject(database, PAGING, PAGING_SEED);
    expect(await exportOnce(seeded, { fileType: 'nodes', cursor: { table: 7, row: 0, field: 0, array: 0 } })).toMatchObject({ out: { jsonElements: [] }, cursor: TERMINAL_CURSOR });
    expect(await exportOnce(seeded, { fileType: 'nodes', cursor: { table: 1, row: 99, field: 0, array: 0 } })).toMatchObject({ out: { jsonElements: [] }, cursor: TERMINAL_CURSOR });
  });
});

describe('paging (limits lowered)', () => {
  const itemLength = JSON.stringify({ _typeName: 'Item', id: 'i01', name: 'x'.repeat(40) }).length;

  it('fills a response up to the limit and points the cursor at the first element left out', async () => {
    const project = await createProject(database, PAGING, PAGING_SEED);
    const limits: NdfLimits = { pageRows: 4, maxResponseChars: 3 * itemLength + 10 };
    const files = await exportFiles(project, 'nodes', limits);
    expect(files.map((f) => [f.cursor, f.isFull, f.out.jsonElements.length])).toEqual([
      [{ table: 0, row: 3, field: 0, array: 0 }, true, 3],
      [{ table: 0, row: 6, field: 0, array: 0 }, true, 3],
      [{ table: 0, row: 9, field: 0, array: 0 }, true, 3],
      // The last item and the three boxes fit in one response.
      [TERMINAL_CURSOR, false, 4],
    ]);
    for (const file of files) expect(file.out.size).toBeLessThanOrEqual(limits.maxResponseChars);
    // Across files, the same elements in the same order as one unlimited response.
    expect(elementsOf(files)).toEqual((await exportOnce(project, { fileType: 'nodes', cursor: START })).out.jsonElements);
    // A request may start anywhere: table 1 (Box), row 1.
    expect((await exportOnce(project, { fileType: 'nodes', cursor: { table: 1, row: 1, field: 5, array: 9 } }, limits)).out.jsonElements).toEqual([
      { _typeName: 'Box', id: 'b2' },
      { _typeName: 'Box', id: 'b3', label: 'third' },
    ]);
  });

  it('crosses page boundaries inside one response, reading no page larger than the page size', async () => {
    const project = await createProject(database, PAGING, PAGING_SEED);
    const statements: string[] = [];
    let largest = 0;
    const run: RunStatement = async (statement) => {
      statements.push(compile(statement).text);
      const result = await project.run(statement);
      largest = Math.max(largest, result.length);
      return result;
    };
    const text = await exportNdf(project.schema, project.schemaName, { fileType: 'nodes', cursor: START }, run, { pageRows: 3, maxResponseChars: 1_000_000 });
    expect(JSON.parse(text).out.jsonElements).toHaveLength(13);
    expect(largest).toBeLessThanOrEqual(3);
    // Items: 4 pages (3+3+3+1); boxes: 1 full page, then an empty one. The first page of a table
    // starts at the cursor's offset, the next ones after the last id read.
    expect(statements).toHaveLength(6);
    expect(statements.filter((s) => s.includes('OFFSET'))).toHaveLength(2);
    expect(statements.filter((s) => s.includes('> $'))).toHaveLength(4);
  });

  it('splits a list that crosses a page into consecutive elements of the same node', async () => {
    const project = await createProject(database, PAGING, PAGING_SEED);
    const files = await exportFiles(project, 'lists', { pageRows: 3, maxResponseChars: 120 });
    // Pages of three stored values: t1-t3 | t4-t6 | t7, solo, a (the response is full after solo)
    // | then the next request starts at a: a, b.
    expect(files.map((f) => [f.out.jsonElements, f.cursor, f.isFull])).toEqual([
      [
        [
          { _typeName: 'Item', id: 'i01', tags: ['t1', 't2', 't3'] },
          { _typeName: 'Item', id: 'i01', tags: ['t4', 't5', 't6'] },
        ],
        { table: 0, row: 6, field: 0, array: 0 },
        true,
      ],
      [
        [
          { _typeName: 'Item', id: 'i01', tags: ['t7'] },
          { _typeName: 'Item', id: 'i02', tags: ['solo'] },
        ],
        // The cursor counts stored values, not elements.
        { table: 0, row: 8, field: 0, array: 0 },
        true,
      ],
      [[{ _typeName: 'Item', id: 'i05', tags: ['a', 'b'] }], TERMINAL_CURSOR, false],
    ]);
  });

  it('pages relations of link tables and inline columns', async () => {
    const project = await createProject(database, PAGING, PAGING_SEED);
    const whole = (await exportOnce(project, { fileType: 'relations', cursor: START })).out.jsonElements;
    // Owner (inline in Item): 7 items have an owner; Shelf: 3 boxes × 4 items.
    expect(whole).toHaveLength(7 + 12);
    const files = await exportFiles(project, 'relations', { pageRows: 2, maxResponseChars: 500 });
    expect(files.length).toBeGreaterThan(2);
    expect(elementsOf(files)).toEqual(whole);
    expect(files.slice(0, -1).every((f) => f.isFull && f.cursor.table >= 0)).toBe(true);
  });

  it('sends an element larger than a whole response alone, so an export always advances', async () => {
    const project = await createProject(database, PAGING, PAGING_SEED);
    const files = await exportFiles(project, 'nodes', { pageRows: 1000, maxResponseChars: 10 });
    expect(files.map((f) => f.out.jsonElements.length)).toEqual(Array(13).fill(1));
    expect(files.slice(-3).map((f) => [f.cursor, f.isFull])).toEqual([
      [{ table: 1, row: 1, field: 0, array: 0 }, true],
      [{ table: 1, row: 2, field: 0, array: 0 }, true],
      [TERMINAL_CURSOR, false],
    ]);
  });
});

describe('malformed requests', () => {
  it.each([
    ['an array', []],
    ['no fileType', { cursor: START }],
    ['an unknown fileType', { fileType: 'tables', cursor: START }],
    ['no cursor', { fileType: 'nodes' }],
    ['a negative row', { fileType: 'nodes', cursor: { table: 0, row: -1, field: 0, array: 0 } }],
    ['a fractional table', { fileType: 'nodes', cursor: { table: 0.5, row: 0, field: 0, array: 0 } }],
    ['the terminal cursor', { fileType: 'nodes', cursor: TERMINAL_CURSOR }],
  ])('fails the request for %s', async (_name, body) => {
    const project = await createProject(database, PAGING, '');
    await expect(exportNdf(project.schema, project.schemaName, body, project.run)).rejects.toBeInstanceOf(NdfError);
  });
});
