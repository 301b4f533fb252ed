// Integration: previous → next migrations on the real PostgreSQL. Each case deploys a previous
// datamodel into its own project schema, writes rows, applies the DDL for hand-written steps (in
// STEP_ORDER, as the planner emits them) and checks the layout read back from the catalog and the
// rows that survived.
import type { MigrationStep } from '@refract/migration';
import type { SchemaModel } from '@refract/schema-model';
import { useTestDatabase } from '@refract/shared/testing';
import type { ClientBase } from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProjectSchema, ddlForSteps, defaultMigrationValue, stepsToCreate, uniqueIndexName, type DdlOptions } from '../src/index.js';
import { applyInTransaction } from './apply.helper.js';
import { build } from './build.fixture.js';
import { readLayout } from './catalog.reader.js';

const reason = 'written by hand for the test';

describe('migrations', () => {
  const db = useTestDatabase({ prefix: 'ddl_migrations' });
  let client: ClientBase;

  beforeAll(async () => {
    client = await db.connect();
  });

  async function deployNew(schemaName: string, sdl: string): Promise<SchemaModel> {
    const schema = build(sdl);
    await applyInTransaction(client, [createProjectSchema(schemaName), ...ddlForSteps(schemaName, null, schema, stepsToCreate(schema))]);
    return schema;
  }

  async function migrate(schemaName: string, previous: SchemaModel, sdl: string, steps: MigrationStep[], options: DdlOptions = {}): Promise<SchemaModel> {
    const next = build(sdl, { previous });
    await applyInTransaction(client, ddlForSteps(schemaName, previous, next, steps, options));
    return next;
  }

  async function rows(query: string): Promise<unknown[]> {
    return (await client.query(query)).rows;
  }

  it('renames models, fields and relations in place, keeping rows, list tables, unique indexes and the id sequence', async () => {
    const previous = await deployNew(
      'renames$dev',
      `type User { id: Int! @id  email: String! @unique  nicknames: [String] @scalarList(strategy: RELATION)  posts: [Post!]!  tags: [Tag!]! }
       type Post { id: ID! @id  title: String!  author: User }
       type Tag { id: ID! @id  label: String! }`,
    );
    const s = '"renames$dev"';
    await client.query(`INSERT INTO ${s}."User" (email) VALUES ('ada@example.com')`);
    await client.query(`INSERT INTO ${s}."User_nicknames" ("nodeId", position, value) VALUES (1, 1000, 'ada'), (1, 2000, 'countess')`);
    await client.query(`INSERT INTO ${s}."Post" (id, title, author) VALUES ('p1', 'Notes', 1)`);
    await client.query(`INSERT INTO ${s}."Tag" (id, label) VALUES ('t1', 'math')`);
    await client.query(`INSERT INTO ${s}."_TagToUser" ("A", "B") VALUES ('t1', 1)`);

    await migrate(
      'renames$dev',
      previous,
      `type Person @rename(oldName: "User") {
         id: Int! @id
         mail: String! @unique @rename(oldName: "email")
         aliases: [String] @scalarList(strategy: RELATION) @rename(oldName: "nicknames")
         posts: [Post!]!
         tags: [Tag!]!
       }
       type Post { id: ID! @id  title: String!  writer: Person @rename(oldName: "author") }
       type Tag { id: ID! @id  label: String! }`,
      [
        { type: 'UpdateField', model: 'User', newModel: 'Person', name: 'email', newName: 'mail', reason },
        { type: 'UpdateField', model: 'User', newModel: 'Person', name: 'nicknames', newName: 'aliases', reason },
        { type: 'UpdateField', model: 'Post', newModel: 'Post', name: 'author', newName: 'writer', reason },
        { type: 'UpdateModel', name: 'User', newName: 'Person', reason },
        { type: 'UpdateModel', name: 'Post', newName: 'Post', reason },
        { type: 'UpdateRelation', name: 'PostToUser', newName: 'PersonToPost', reason },
        { type: 'UpdateRelation', name: 'TagToUser', newName: 'PersonToTag', reason },
      ],
    );

    expect(await readLayout(client, 'renames$dev')).toMatchInlineSnapshot(`
      {
        "constraints": {
          "Person": [
            "User_pkey: PRIMARY KEY (id)",
          ],
          "Person_aliases": [
            "User_nicknames_nodeId_fkey: FOREIGN KEY ("nodeId") REFERENCES "Person"(id)",
            "User_nicknames_pkey: PRIMARY KEY ("nodeId", "position")",
          ],
          "Post": [
            "Post_author_fkey: FOREIGN KEY (writer) REFERENCES "Person"(id) ON DELETE SET NULL",
            "Post_pkey: PRIMARY KEY (id)",
          ],
          "Tag": [
            "Tag_pkey: PRIMARY KEY (id)",
          ],
          "_PersonToTag": [
            "_TagToUser_A_fkey: FOREIGN KEY ("A") REFERENCES "Tag"(id) ON DELETE CASCADE",
            "_TagToUser_B_fkey: FOREIGN KEY ("B") REFERENCES "Person"(id) ON DELETE CASCADE",
          ],
        },
        "indexes": {
          "Person": [
            "User_pkey: UNIQUE btree (id)",
            "renames$dev.Person.mail._UNIQUE: UNIQUE btree (mail)",
          ],
          "Person_aliases": [
            "User_nicknames_pkey: UNIQUE btree ("nodeId", "position")",
          ],
          "Post": [
            "Post_author_idx: btree (writer)",
            "Post_pkey: UNIQUE btree (id)",
          ],
          "Tag": [
            "Tag_pkey: UNIQUE btree (id)",
          ],
          "_PersonToTag": [
            "_PersonToTag_AB_unique: UNIQUE btree ("A", "B")",
            "_PersonToTag_B: btree ("B")",
          ],
        },
        "sequences": [
          "Person_id_seq START 1",
        ],
        "tables": {
          "Person": [
            "id integer NOT NULL DEFAULT nextval('"Person_id_seq"'::regclass)",
            "mail text NOT NULL",
          ],
          "Person_aliases": [
            "nodeId integer NOT NULL",
            "position integer NOT NULL",
            "value text NOT NULL",
          ],
          "Post": [
            "id character varying(25) NOT NULL",
            "title text NOT NULL",
            "writer integer",
          ],
          "Tag": [
            "id character varying(25) NOT NULL",
            "label text NOT NULL",
          ],
          "_PersonToTag": [
            "A character varying(25) NOT NULL",
            "B integer NOT NULL",
          ],
        },
      }
    `);
    expect(await rows(`SELECT id, mail FROM ${s}."Person"`)).toEqual([{ id: 1, mail: 'ada@example.com' }]);
    expect(await rows(`SELECT value FROM ${s}."Person_aliases" ORDER BY position`)).toEqual([{ value: 'ada' }, { value: 'countess' }]);
    expect(await rows(`SELECT writer FROM ${s}."Post"`)).toEqual([{ writer: 1 }]);
    expect(await rows(`SELECT "A", "B" FROM ${s}."_PersonToTag"`)).toEqual([{ A: 't1', B: 1 }]);
    // The renamed sequence keeps counting.
    expect(await rows(`INSERT INTO ${s}."Person" (mail) VALUES ('bob@example.com') RETURNING id`)).toEqual([{ id: 2 }]);
  });

  it('fills existing rows when required fields are added: @default, the zero value of the type, or the caller’s value', async () => {
    const previous = await deployNew('required$dev', `type Item { id: ID! @id  name: String }`);
    const s = '"required$dev"';
    await client.query(`INSERT INTO ${s}."Item" (id, name) VALUES ('i1', 'one'), ('i2', NULL)`);
    const added = ['count', 'price', 'flag', 'label', 'kind', 'at', 'since', 'meta', 'ref', 'uid', 'note'];

    await migrate(
      'required$dev',
      previous,
      `type Item {
         id: ID! @id
         name: String
         count: Int!
         price: Float!
         flag: Boolean!
         label: String! @default(value: "none")
         kind: Kind!
         at: DateTime!
         since: DateTime! @default(value: "2015-11-22")
         meta: Json!
         ref: ID!
         uid: UUID!
         note: String!
       }
       enum Kind { SMALL LARGE }`,
      [
        { type: 'CreateEnum', name: 'Kind', values: ['SMALL', 'LARGE'], reason },
        ...added.map((name): MigrationStep => ({ type: 'CreateField', model: 'Item', name, reason })),
      ],
      { migrationValue: (field, schema) => (field.name === 'note' ? 'filled by the caller' : defaultMigrationValue(field, schema)) },
    );

    expect((await readLayout(client, 'required$dev')).tables).toMatchInlineSnapshot(`
      {
        "Item": [
          "id character varying(25) NOT NULL",
          "name text",
          "count integer NOT NULL",
          "price numeric(65,30) NOT NULL",
          "flag boolean NOT NULL",
          "label text NOT NULL",
          "kind text NOT NULL",
          "at timestamp(3) without time zone NOT NULL",
          "since timestamp(3) without time zone NOT NULL",
          "meta text NOT NULL",
          "ref character varying(25) NOT NULL",
          "uid uuid NOT NULL",
          "note text NOT NULL",
        ],
      }
    `);
    expect(
      await rows(
        `SELECT id, count, price::float8 AS price, flag, label, kind, at::text AS at, since::text AS since, meta, ref, uid::text AS uid, note
           FROM ${s}."Item" ORDER BY id`,
      ),
    ).toEqual(
      ['i1', 'i2'].map((id) => ({
        id,
        count: 0,
        price: 0,
        flag: false,
        label: 'none',
        kind: 'SMALL',
        at: '1970-01-01 00:00:00',
        since: '2015-11-22 00:00:00',
        meta: '{}',
        ref: 'DefaultCUIDMigrationValue',
        uid: '550e8400-e29b-11d4-a716-446655440000',
        note: 'filled by the caller',
      })),
    );
  });

  it('cannot fill a required unique field on a table with several rows, and leaves the table as it was', async () => {
    const previous = await deployNew('required_unique$dev', `type Item { id: ID! @id  name: String }`);
    const s = '"required_unique$dev"';
    await client.query(`INSERT INTO ${s}."Item" (id) VALUES ('i1'), ('i2')`);
    // The planner refuses this change (spec §5.4); the DDL on its own fails as a whole.
    await expect(
      migrate('required_unique$dev', previous, `type Item { id: ID! @id  name: String  code: String! @unique }`, [
        { type: 'CreateField', model: 'Item', name: 'code', reason },
      ]),
    ).rejects.toThrow(/could not create unique index/);
    expect((await readLayout(client, 'required_unique$dev')).tables['Item']).toEqual(['id character varying(25) NOT NULL', 'name text']);
  });

  it('changes types, list-ness, nullability and uniqueness of fields', async () => {
    const previous = await deployNew(
      'changes$dev',
      `type Doc {
         id: ID! @id
         size: String
         score: Int!
         tags: [String] @scalarList(strategy: RELATION)
         note: String
         levels: [Int] @scalarList(strategy: RELATION)
         rank: Int
         title: String
         code: String @unique
         kind: String! @unique
       }`,
    );
    const s = '"changes$dev"';
    await client.query(
      `INSERT INTO ${s}."Doc" (id, size, score, note, rank, title, code, kind) VALUES ('d1', 'big', 5, 'n', 3, 't1', 'c1', 'k1'), ('d2', NULL, 7, NULL, NULL, 't2', 'c2', 'k2')`,
    );
    await client.query(`INSERT INTO ${s}."Doc_tags" ("nodeId", position, value) VALUES ('d1', 1000, 'a')`);
    await client.query(`INSERT INTO ${s}."Doc_levels" ("nodeId", position, value) VALUES ('d1', 1000, 1)`);

    await migrate(
      'changes$dev',
      previous,
      `type Doc {
         id: ID! @id
         size: Int
         score: Float!
         tags: String
         note: [String] @scalarList(strategy: RELATION)
         levels: [String] @scalarList(strategy: RELATION)
         rank: Int!
         title: String @unique
         code: String
         kind: String @unique
       }`,
      ['size', 'score', 'tags', 'note', 'levels', 'rank', 'title', 'code', 'kind'].map(
        (name): MigrationStep => ({ type: 'UpdateField', model: 'Doc', newModel: 'Doc', name, newName: null, reason }),
      ),
    );

    expect(await readLayout(client, 'changes$dev')).toMatchInlineSnapshot(`
      {
        "constraints": {
          "Doc": [
            "Doc_pkey: PRIMARY KEY (id)",
          ],
          "Doc_levels": [
            "Doc_levels_nodeId_fkey: FOREIGN KEY ("nodeId") REFERENCES "Doc"(id)",
            "Doc_levels_pkey: PRIMARY KEY ("nodeId", "position")",
          ],
          "Doc_note": [
            "Doc_note_nodeId_fkey: FOREIGN KEY ("nodeId") REFERENCES "Doc"(id)",
            "Doc_note_pkey: PRIMARY KEY ("nodeId", "position")",
          ],
        },
        "indexes": {
          "Doc": [
            "Doc_pkey: UNIQUE btree (id)",
            "changes$dev.Doc.kind._UNIQUE: UNIQUE btree (kind)",
            "changes$dev.Doc.title._UNIQUE: UNIQUE btree (title)",
          ],
          "Doc_levels": [
            "Doc_levels_pkey: UNIQUE btree ("nodeId", "position")",
          ],
          "Doc_note": [
            "Doc_note_pkey: UNIQUE btree ("nodeId", "position")",
          ],
        },
        "sequences": [],
        "tables": {
          "Doc": [
            "id character varying(25) NOT NULL",
            "rank integer NOT NULL",
            "title text",
            "code text",
            "kind text",
            "size integer",
            "score numeric(65,30) NOT NULL",
            "tags text",
          ],
          "Doc_levels": [
            "nodeId character varying(25) NOT NULL",
            "position integer NOT NULL",
            "value text NOT NULL",
          ],
          "Doc_note": [
            "nodeId character varying(25) NOT NULL",
            "position integer NOT NULL",
            "value text NOT NULL",
          ],
        },
      }
    `);
    // A type change drops the data (the planner warned); a required one is refilled.
    expect(await rows(`SELECT id, size, score::float8 AS score, tags, rank, title, code, kind FROM ${s}."Doc" ORDER BY id`)).toEqual([
      { id: 'd1', size: null, score: 0, tags: null, rank: 3, title: 't1', code: 'c1', kind: 'k1' },
      { id: 'd2', size: null, score: 0, tags: null, rank: 0, title: 't2', code: 'c2', kind: 'k2' },
    ]);
    expect(await rows(`SELECT count(*)::int AS n FROM ${s}."Doc_note"`)).toEqual([{ n: 0 }]);
    expect(await rows(`SELECT count(*)::int AS n FROM ${s}."Doc_levels"`)).toEqual([{ n: 0 }]);
  });

  it('changes how relations are stored: inline moved to the other model, inline to link table, link table to inline', async () => {
    const previous = await deployNew(
      'relations$dev',
      `type A { id: ID! @id  b: B @relation(link: INLINE)  cs: [C!]!  ds: [D!]! }
       type B { id: ID! @id  a: A }
       type C { id: ID! @id  a: A }
       type D { id: ID! @id  a: A @relation(link: TABLE) }`,
    );
    const s = '"relations$dev"';
    await client.query(`INSERT INTO ${s}."B" (id) VALUES ('b1')`);
    await client.query(`INSERT INTO ${s}."A" (id, b) VALUES ('a1', 'b1')`);
    await client.query(`INSERT INTO ${s}."C" (id, a) VALUES ('c1', 'a1')`);
    await client.query(`INSERT INTO ${s}."D" (id) VALUES ('d1')`);
    await client.query(`INSERT INTO ${s}."_AToD" ("A", "B") VALUES ('a1', 'd1')`);

    await migrate(
      'relations$dev',
      previous,
      `type A { id: ID! @id  b: B  cs: [C!]!  ds: [D!]! }
       type B { id: ID! @id  a: A @relation(link: INLINE) }
       type C { id: ID! @id  a: A @relation(link: TABLE) }
       type D { id: ID! @id  a: A }`,
      [
        { type: 'UpdateRelation', name: 'AToB', newName: null, reason },
        { type: 'UpdateRelation', name: 'AToC', newName: null, reason },
        { type: 'UpdateRelation', name: 'AToD', newName: null, reason },
      ],
    );

    expect(await readLayout(client, 'relations$dev')).toMatchInlineSnapshot(`
      {
        "constraints": {
          "A": [
            "A_pkey: PRIMARY KEY (id)",
          ],
          "B": [
            "B_a_fkey: FOREIGN KEY (a) REFERENCES "A"(id) ON DELETE SET NULL",
            "B_pkey: PRIMARY KEY (id)",
          ],
          "C": [
            "C_pkey: PRIMARY KEY (id)",
          ],
          "D": [
            "D_a_fkey: FOREIGN KEY (a) REFERENCES "A"(id) ON DELETE SET NULL",
            "D_pkey: PRIMARY KEY (id)",
          ],
          "_AToC": [
            "_AToC_A_fkey: FOREIGN KEY ("A") REFERENCES "A"(id) ON DELETE CASCADE",
            "_AToC_B_fkey: FOREIGN KEY ("B") REFERENCES "C"(id) ON DELETE CASCADE",
          ],
        },
        "indexes": {
          "A": [
            "A_pkey: UNIQUE btree (id)",
          ],
          "B": [
            "B_a_idx: btree (a)",
            "B_pkey: UNIQUE btree (id)",
          ],
          "C": [
            "C_pkey: UNIQUE btree (id)",
          ],
          "D": [
            "D_a_idx: btree (a)",
            "D_pkey: UNIQUE btree (id)",
          ],
          "_AToC": [
            "_AToC_AB_unique: UNIQUE btree ("A", "B")",
            "_AToC_B: btree ("B")",
          ],
        },
        "sequences": [],
        "tables": {
          "A": [
            "id character varying(25) NOT NULL",
          ],
          "B": [
            "id character varying(25) NOT NULL",
            "a character varying(25)",
          ],
          "C": [
            "id character varying(25) NOT NULL",
          ],
          "D": [
            "id character varying(25) NOT NULL",
            "a character varying(25)",
          ],
          "_AToC": [
            "A character varying(25) NOT NULL",
            "B character varying(25) NOT NULL",
          ],
        },
      }
    `);
    // The nodes survive; their connections do not (the planner warned, spec §5.4).
    expect(await rows(`SELECT (SELECT count(*) FROM ${s}."A")::int + (SELECT count(*) FROM ${s}."B")::int + (SELECT count(*) FROM ${s}."C")::int + (SELECT count(*) FROM ${s}."D")::int AS n`)).toEqual([{ n: 4 }]);
  });

  it('changes the type of an id: relations and list tables are re-created around it, sequences follow the strategy', async () => {
    const v1 = await deployNew(
      'ids$dev',
      `type Box { id: ID! @id  items: [Int] @scalarList(strategy: RELATION)  owner: Owner  shelves: [Shelf!]!  labels: [Label!]! }
       type Owner { id: ID! @id  boxes: [Box!]! }
       type Shelf { id: ID! @id  boxes: [Box!]! }
       type Label { id: ID! @id  box: Box }`,
    );
    const s = '"ids$dev"';
    // Other models may have rows; the model whose id changes may not (spec §5.4).
    await client.query(`INSERT INTO ${s}."Owner" (id) VALUES ('o1')`);
    await client.query(`INSERT INTO ${s}."Label" (id) VALUES ('l1')`);
    const intId = `type Box { id: Int! @id  items: [Int] @scalarList(strategy: RELATION)  owner: Owner  shelves: [Shelf!]!  labels: [Label!]! }
       type Owner { id: ID! @id  boxes: [Box!]! }
       type Shelf { id: ID! @id  boxes: [Box!]! }
       type Label { id: ID! @id  box: Box }`;
    const v2 = await migrate('ids$dev', v1, intId, [{ type: 'UpdateField', model: 'Box', newModel: 'Box', name: 'id', newName: null, reason }]);

    expect(await readLayout(client, 'ids$dev')).toMatchInlineSnapshot(`
      {
        "constraints": {
          "Box": [
            "Box_owner_fkey: FOREIGN KEY (owner) REFERENCES "Owner"(id) ON DELETE SET NULL",
            "Box_pkey: PRIMARY KEY (id)",
          ],
          "Box_items": [
            "Box_items_nodeId_fkey: FOREIGN KEY ("nodeId") REFERENCES "Box"(id)",
            "Box_items_pkey: PRIMARY KEY ("nodeId", "position")",
          ],
          "Label": [
            "Label_box_fkey: FOREIGN KEY (box) REFERENCES "Box"(id) ON DELETE SET NULL",
            "Label_pkey: PRIMARY KEY (id)",
          ],
          "Owner": [
            "Owner_pkey: PRIMARY KEY (id)",
          ],
          "Shelf": [
            "Shelf_pkey: PRIMARY KEY (id)",
          ],
          "_BoxToShelf": [
            "_BoxToShelf_A_fkey: FOREIGN KEY ("A") REFERENCES "Box"(id) ON DELETE CASCADE",
            "_BoxToShelf_B_fkey: FOREIGN KEY ("B") REFERENCES "Shelf"(id) ON DELETE CASCADE",
          ],
        },
        "indexes": {
          "Box": [
            "Box_owner_idx: btree (owner)",
            "Box_pkey: UNIQUE btree (id)",
          ],
          "Box_items": [
            "Box_items_pkey: UNIQUE btree ("nodeId", "position")",
          ],
          "Label": [
            "Label_box_idx: btree (box)",
            "Label_pkey: UNIQUE btree (id)",
          ],
          "Owner": [
            "Owner_pkey: UNIQUE btree (id)",
          ],
          "Shelf": [
            "Shelf_pkey: UNIQUE btree (id)",
          ],
          "_BoxToShelf": [
            "_BoxToShelf_AB_unique: UNIQUE btree ("A", "B")",
            "_BoxToShelf_B: btree ("B")",
          ],
        },
        "sequences": [
          "Box_id_seq START 1",
        ],
        "tables": {
          "Box": [
            "id integer NOT NULL DEFAULT nextval('"Box_id_seq"'::regclass)",
            "owner character varying(25)",
          ],
          "Box_items": [
            "nodeId integer NOT NULL",
            "position integer NOT NULL",
            "value integer NOT NULL",
          ],
          "Label": [
            "id character varying(25) NOT NULL",
            "box integer",
          ],
          "Owner": [
            "id character varying(25) NOT NULL",
          ],
          "Shelf": [
            "id character varying(25) NOT NULL",
          ],
          "_BoxToShelf": [
            "A integer NOT NULL",
            "B character varying(25) NOT NULL",
          ],
        },
      }
    `);
    expect(await rows(`INSERT INTO ${s}."Box" (owner) VALUES ('o1') RETURNING id`)).toEqual([{ id: 1 }]);
    await client.query(`UPDATE ${s}."Label" SET box = 1`);
    await client.query(`DELETE FROM ${s}."Label"`);
    await client.query(`DELETE FROM ${s}."Box"`);

    await migrate('ids$dev', v2, intId.replace('id: Int! @id', 'id: UUID! @id'), [
      { type: 'UpdateField', model: 'Box', newModel: 'Box', name: 'id', newName: null, reason },
    ]);
    const layout = await readLayout(client, 'ids$dev');
    expect([layout.tables['Box']?.[0], layout.tables['Box_items']?.[0], layout.tables['_BoxToShelf']?.[0], layout.tables['Label']?.[1], layout.sequences]).toEqual([
      'id uuid NOT NULL',
      'nodeId uuid NOT NULL',
      'A uuid NOT NULL',
      'box uuid',
      [],
    ]);
  });

  it('renames a link table, its columns and its indexes when a @relationTable names it, keeping the rows', async () => {
    const previous = await deployNew(
      'link$dev',
      `type Post { id: ID! @id  tags: [Tag!]! @relation(name: "PostTags") }
       type Tag { id: ID! @id  posts: [Post!]! @relation(name: "PostTags") }`,
    );
    const s = '"link$dev"';
    await client.query(`INSERT INTO ${s}."Post" (id) VALUES ('p1')`);
    await client.query(`INSERT INTO ${s}."Tag" (id) VALUES ('t1')`);
    await client.query(`INSERT INTO ${s}."_PostTags" ("A", "B") VALUES ('p1', 't1')`);

    await migrate(
      'link$dev',
      previous,
      `type Post { id: ID! @id  tags: [Tag!]! @relation(name: "PostTags") }
       type Tag { id: ID! @id  posts: [Post!]! @relation(name: "PostTags") }
       type PostTags @relationTable @db(name: "post_tags") { post: Post @db(name: "post_id")  tag: Tag @db(name: "tag_id") }`,
      [{ type: 'UpdateRelation', name: 'PostTags', newName: null, reason }],
    );

    const layout = await readLayout(client, 'link$dev');
    expect([layout.tables['post_tags'], layout.indexes['post_tags'], layout.tables['_PostTags']]).toEqual([
      ['post_id character varying(25) NOT NULL', 'tag_id character varying(25) NOT NULL'],
      ['post_tags_AB_unique: UNIQUE btree (post_id, tag_id)', 'post_tags_B: btree (tag_id)'],
      undefined,
    ]);
    expect(await rows(`SELECT post_id, tag_id FROM ${s}.post_tags`)).toEqual([{ post_id: 'p1', tag_id: 't1' }]);
  });

  it('deletes relations, fields, list tables, models and their sequences', async () => {
    const previous = await deployNew(
      'deletes$dev',
      `type Shop { id: Int! @id  name: String  tags: [String] @scalarList(strategy: RELATION)  wares: [Ware!]! }
       type Ware { id: ID! @id  shop: Shop  colors: [String] @scalarList(strategy: RELATION)  weight: Float }`,
    );
    await client.query(`INSERT INTO "deletes$dev"."Shop" (name) VALUES ('corner')`);
    await client.query(`INSERT INTO "deletes$dev"."Ware" (id, shop, weight) VALUES ('w1', 1, 2.5)`);

    await migrate('deletes$dev', previous, `type Ware { id: ID! @id }`, [
      { type: 'DeleteRelation', name: 'ShopToWare', reason },
      { type: 'DeleteField', model: 'Ware', name: 'shop', reason },
      { type: 'DeleteField', model: 'Ware', name: 'colors', reason },
      { type: 'DeleteField', model: 'Ware', name: 'weight', reason },
      { type: 'DeleteModel', name: 'Shop', reason },
    ]);

    expect(await readLayout(client, 'deletes$dev')).toEqual({
      tables: { Ware: ['id character varying(25) NOT NULL'] },
      constraints: { Ware: ['Ware_pkey: PRIMARY KEY (id)'] },
      indexes: { Ware: ['Ware_pkey: UNIQUE btree (id)'] },
      sequences: [],
    });
    expect(await rows(`SELECT id FROM "deletes$dev"."Ware"`)).toEqual([{ id: 'w1' }]);
  });

  it('moves a 1.0 project to 1.1: system columns dropped, the link table loses its id column and keeps its rows', async () => {
    const previous = await deployNew('upgrade$dev', `type User { id: ID! @unique  name: String  tags: [Tag!]! }  type Tag { id: ID! @unique  label: String }`);
    const s = '"upgrade$dev"';
    await client.query(`INSERT INTO ${s}."User" (id, "createdAt", "updatedAt") VALUES ('u1', now(), now())`);
    await client.query(`INSERT INTO ${s}."Tag" (id, "createdAt", "updatedAt") VALUES ('t1', now(), now())`);
    await client.query(`INSERT INTO ${s}."_TagToUser" (id, "A", "B") VALUES ('cjld2cjxh0000qzrmn831i7rn', 't1', 'u1')`);

    await migrate(
      'upgrade$dev',
      previous,
      `type User { id: ID! @id  name: String  tags: [Tag!]! @relation(link: TABLE)  createdAt: DateTime! @createdAt  updatedAt: DateTime! @updatedAt }
       type Tag { id: ID! @id  label: String }`,
      [
        { type: 'DeleteField', model: 'Tag', name: 'createdAt', reason },
        { type: 'DeleteField', model: 'Tag', name: 'updatedAt', reason },
        { type: 'UpdateField', model: 'User', newModel: 'User', name: 'createdAt', newName: null, reason },
        { type: 'UpdateField', model: 'User', newModel: 'User', name: 'updatedAt', newName: null, reason },
        { type: 'UpdateRelation', name: 'TagToUser', newName: null, reason },
      ],
    );

    const layout = await readLayout(client, 'upgrade$dev');
    expect([layout.tables['Tag'], layout.tables['_TagToUser'], layout.indexes['_TagToUser'], layout.tables['_RelayId']]).toEqual([
      ['id character varying(25) NOT NULL', 'label text'],
      ['A character varying(25) NOT NULL', 'B character varying(25) NOT NULL'],
      ['_TagToUser_AB_unique: UNIQUE btree ("A", "B")', '_TagToUser_B: btree ("B")'],
      ['id character varying(36) NOT NULL', 'stableModelIdentifier character varying(25) NOT NULL'],
    ]);
    expect(await rows(`SELECT "A", "B" FROM ${s}."_TagToUser"`)).toEqual([{ A: 't1', B: 'u1' }]);
  });

  it('finds unique indexes whose names PostgreSQL truncated, to rename and drop them', async () => {
    const schemaName = 'a-rather-long-service-name$production';
    const field = (directives: string) => `type Customer { id: ID! @id  ${directives} }`;
    const v1 = await deployNew(schemaName, field('emailAddressForNotifications: String @unique'));
    const indexes = async () => (await readLayout(client, schemaName)).indexes['Customer'];
    const truncated = uniqueIndexName(schemaName, 'Customer', 'emailAddressForNotifications');
    expect(truncated).toBe('a-rather-long-service-name$production.Customer.emailAddressForN');
    expect(await indexes()).toEqual(['Customer_pkey: UNIQUE btree (id)', `${truncated}: UNIQUE btree ("emailAddressForNotifications")`]);

    const v2 = await migrate(schemaName, v1, field('contactEmail: String @unique @rename(oldName: "emailAddressForNotifications")'), [
      { type: 'UpdateField', model: 'Customer', newModel: 'Customer', name: 'emailAddressForNotifications', newName: 'contactEmail', reason },
    ]);
    expect(await indexes()).toEqual([
      'Customer_pkey: UNIQUE btree (id)',
      'a-rather-long-service-name$production.Customer.contactEmail._UN: UNIQUE btree ("contactEmail")',
    ]);

    await migrate(schemaName, v2, field('contactEmail: String'), [
      { type: 'UpdateField', model: 'Customer', newModel: 'Customer', name: 'contactEmail', newName: null, reason },
    ]);
    expect(await indexes()).toEqual(['Customer_pkey: UNIQUE btree (id)']);
  });

  it('creates a model whose table already exists without failing (an adopted Prisma 1 database)', async () => {
    const schema = await deployNew('adopted$dev', `type Counter { id: Int! @id }`);
    await applyInTransaction(client, ddlForSteps('adopted$dev', null, schema, [{ type: 'CreateModel', name: 'Counter', reason }]));
    expect(await readLayout(client, 'adopted$dev')).toEqual({
      tables: { Counter: [`id integer NOT NULL DEFAULT nextval('"Counter_id_seq"'::regclass)`] },
      constraints: { Counter: ['Counter_pkey: PRIMARY KEY (id)'] },
      indexes: { Counter: ['Counter_pkey: UNIQUE btree (id)'] },
      sequences: ['Counter_id_seq START 1'],
    });
  });
});
