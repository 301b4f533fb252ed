// The management API end to end over HTTP against a real worker and PostgreSQL (spec §5, §11, §12).
import { describe, expect, it } from 'vitest';
import { useWorker } from './worker.harness.js';

const worker = useWorker('mgmt_api');

const ADD = 'mutation ($name: String!, $stage: String!, $secrets: [String!]) { addProject(input: {name: $name, stage: $stage, secrets: $secrets}) { project { name stage } } }';
const DEPLOY = `mutation ($name: String!, $stage: String!, $types: String!, $force: Boolean, $dryRun: Boolean, $secrets: [String!]) {
  deploy(input: {name: $name, stage: $stage, types: $types, force: $force, dryRun: $dryRun, secrets: $secrets}) {
    migration { revision status steps { type } }
    errors { type field description }
    warnings { type field description }
    steps { type ... on CreateModel { name } ... on CreateField { model name typeName unique } }
  }
}`;
const STATUS = 'query ($name: String!, $stage: String!) { migrationStatus(name: $name, stage: $stage) { revision status applied errors } }';

async function tables(schema: string): Promise<string[]> {
  const pool = worker.database.pool();
  try {
    const { rows } = await pool.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema]);
    return rows.map((r: { table_name: string }) => r.table_name);
  } finally {
    await pool.end();
  }
}

describe('management API', () => {
  it('answers serverInfo without auth and refuses everything else without a token (3015)', async () => {
    const info = await worker.management('{ serverInfo { version commit primaryConnector } clusterInfo { version } }', {}, null);
    expect(info.body.data.serverInfo).toMatchObject({ version: '1.34.10', primaryConnector: 'postgres' });
    expect(info.body.data.clusterInfo).toEqual({ version: '1.34.10' });
    const list = await worker.management('{ listProjects { name } }', {}, null);
    expect(list.status).toBe(200);
    expect(list.body.errors[0]).toMatchObject({ code: 3015, message: "Authentication token is invalid: 'Authorization' header not provided" });
    expect(list.body.errors[0].requestId).toMatch(/^local:c[a-z0-9]{24}$/);
  });

  it('adds a project, deploys, applies asynchronously, and re-deploying the same datamodel changes nothing', async () => {
    const added = await worker.management(ADD, { name: 'blog', stage: 'dev', secrets: ['s1'] });
    expect(added.body.data.addProject.project).toEqual({ name: 'blog', stage: 'dev' });
    const types = 'type Post { id: ID! @id  title: String! @unique }';
    const deployed = await worker.management(DEPLOY, { name: 'blog', stage: 'dev', types });
    expect(deployed.body.errors).toBeUndefined();
    const payload = deployed.body.data.deploy;
    expect(payload.errors).toEqual([]);
    expect(payload.migration).toMatchObject({ revision: 2, status: 'PENDING' });
    expect(payload.steps).toEqual([
      { type: 'CreateModel', name: 'Post' },
      { type: 'CreateField', model: 'Post', name: 'id', typeName: 'ID', unique: true },
      { type: 'CreateField', model: 'Post', name: 'title', typeName: 'String', unique: true },
    ]);
    await worker.settled();
    const status = await worker.management(STATUS, { name: 'blog', stage: 'dev' });
    expect(status.body.data.migrationStatus).toEqual({ revision: 2, status: 'SUCCESS', applied: 3, errors: [] });
    expect(await tables('blog$dev')).toEqual(['Post']);

    const again = await worker.management(DEPLOY, { name: 'blog', stage: 'dev', types });
    expect(again.body.data.deploy).toMatchObject({ migration: null, steps: [], errors: [], warnings: [] });
  });

  it('refuses a change that loses data until forced, and a dry run changes nothing', async () => {
    const pool = worker.database.pool();
    await pool.query(`INSERT INTO "blog$dev"."Post" ("id", "title") VALUES ('cjld2cjxh0000qzrmn831i7rn', 'hello')`);
    await pool.end();
    const types = 'type Post { id: ID! @id }';
    const refused = await worker.management(DEPLOY, { name: 'blog', stage: 'dev', types });
    expect(refused.body.data.deploy).toMatchObject({
      migration: null,
      errors: [],
      warnings: [{ type: 'Post', field: 'title', description: 'You already have nodes for this model. This change may result in data loss.' }],
    });
    const dry = await worker.management(DEPLOY, { name: 'blog', stage: 'dev', types, force: true, dryRun: true });
    expect(dry.body.data.deploy.migration).toBeNull();
    await worker.settled();
    const columns = async () => {
      const p = worker.database.pool();
      const { rows } = await p.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'blog$dev' AND table_name = 'Post' ORDER BY column_name`);
      await p.end();
      return rows.map((r: { column_name: string }) => r.column_name);
    };
    expect(await columns()).toEqual(['id', 'title']);
    const forced = await worker.management(DEPLOY, { name: 'blog', stage: 'dev', types, force: true });
    expect(forced.body.data.deploy.migration).toMatchObject({ revision: 3 });
    expect(forced.body.data.deploy.warnings).toHaveLength(1);
    await worker.settled();
    expect(await columns()).toEqual(['id']);
  });

  it('returns validation errors as data and syntax errors as 3017, changing nothing', async () => {
    const invalid = await worker.management(DEPLOY, { name: 'blog', stage: 'dev', types: 'type Post { id: ID! @id  author: Writer }' });
    expect(invalid.body.data.deploy).toMatchObject({
      migration: null,
      errors: [{ type: 'Post', field: 'author', description: "The field `author` has the type `Writer` but there's no type or enum declaration with that name." }],
    });
    const syntax = await worker.management(DEPLOY, { name: 'blog', stage: 'dev', types: 'type Post { id ID }' });
    expect(syntax.body.errors[0]).toMatchObject({ code: 3017 });
    const status = await worker.management(STATUS, { name: 'blog', stage: 'dev' });
    expect(status.body.data.migrationStatus.revision).toBe(3);
  });

  it('answers invalid directives and a 10 MB datamodel with clear errors, changing nothing', async () => {
    const directive = await worker.management(DEPLOY, { name: 'blog', stage: 'dev', types: 'type Post { id: ID! @id(strategy: BOGUS) }' });
    expect(directive.body.data.deploy.errors).toEqual([
      { type: 'Post', field: 'id', description: 'Valid values for the strategy argument of `@id` are: AUTO, NONE, SEQUENCE.' },
    ]);
    const huge = `type Post { id: ID! @id }\n${'# padding\n'.repeat(1_000_000)}`;
    const tooBig = await worker.management(DEPLOY, { name: 'blog', stage: 'dev', types: huge });
    expect(tooBig.status).toBe(200);
    expect(tooBig.body.errors[0]).toMatchObject({ code: 3017 });
    expect(tooBig.body.errors[0].message).toMatch(/at most 8388608 are accepted\.$/);
    const status = await worker.management(STATUS, { name: 'blog', stage: 'dev' });
    expect(status.body.data.migrationStatus.revision).toBe(3);
  });

  it('with noMigration checks the datamodel against existing tables instead of changing them', async () => {
    await worker.management(ADD, { name: 'legacy', stage: 'dev' });
    const pool = worker.database.pool();
    await pool.query(`CREATE TABLE "legacy$dev"."Account" ("id" varchar(25) PRIMARY KEY, "email" text NOT NULL, "age" int)`);
    await pool.query(`INSERT INTO "legacy$dev"."Account" VALUES ('a1', 'x@y.z', 3)`);
    const NO_MIGRATION = `mutation ($types: String!) { deploy(input: {name: "legacy", stage: "dev", types: $types, noMigration: true}) {
      migration { revision } errors { type field description } steps { type } } }`;
    const mismatch = await worker.management(NO_MIGRATION, { types: 'type Account { id: ID! @id  email: String  age: Boolean  nick: String }\ntype Note { id: ID! @id }' });
    expect(mismatch.body.data.deploy.migration).toBeNull();
    expect(mismatch.body.data.deploy.errors).toEqual([
      { type: 'Account', field: 'email', description: 'The underlying column for the field `email` is required but the field is declared optional. Please declare it as required: `email: ...!`.' },
      { type: 'Account', field: 'age', description: 'The underlying column for the field `age` has an incompatible type. The field has type `Boolean` and the column has type `integer`.' },
      { type: 'Account', field: 'nick', description: 'Could not find the column for the field `nick` in the database.' },
      { type: 'Note', field: null, description: 'Could not find the table for the model `Note` in the database.' },
    ]);
    const adopted = await worker.management(NO_MIGRATION, { types: 'type Account { id: ID! @id  email: String!  age: Int }' });
    expect(adopted.body.data.deploy).toMatchObject({ errors: [], steps: [], migration: { revision: 2 } });
    await worker.settled();
    const rows = await pool.query(`SELECT * FROM "legacy$dev"."Account"`);
    await pool.end();
    expect(rows.rows).toEqual([{ id: 'a1', email: 'x@y.z', age: 3 }]);
    const status = await worker.management(STATUS, { name: 'legacy', stage: 'dev' });
    expect(status.body.data.migrationStatus).toMatchObject({ revision: 2, status: 'SUCCESS' });
  });

  it('validates project names (4006, 4007, 4001, 4002) and refuses duplicates (4005)', async () => {
    const codes = async (name: string, stage: string) => (await worker.management(ADD, { name, stage })).body.errors?.[0]?.code;
    expect(await codes('management', 'dev')).toBe(4006);
    expect(await codes('svc', 'import')).toBe(4007);
    expect(await codes('bad"name', 'dev')).toBe(4001);
    expect(await codes('svc$x', 'dev')).toBe(4001);
    expect(await codes('svc', 'de$v')).toBe(4002);
    expect(await codes('blog', 'dev')).toBe(4005);
    expect(await tables('bad"name$dev')).toEqual([]);
  });

  it('lists projects, generates a service token, and deletes a project with its schema', async () => {
    const list = await worker.management('{ listProjects { name stage datamodel } }');
    expect(list.body.data.listProjects).toEqual([
      { name: 'blog', stage: 'dev', datamodel: 'type Post { id: ID! @id }' },
      { name: 'legacy', stage: 'dev', datamodel: 'type Account { id: ID! @id  email: String!  age: Int }' },
    ]);
    const token = await worker.management('{ generateProjectToken(name: "blog", stage: "dev") }');
    expect(token.body.data.generateProjectToken).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
    const deleted = await worker.management('mutation { deleteProject(input: {name: "blog", stage: "dev"}) { project { name } } }');
    expect(deleted.body.data.deleteProject.project).toEqual({ name: 'blog' });
    expect(await tables('blog$dev')).toEqual([]);
    const missing = await worker.management(STATUS, { name: 'blog', stage: 'dev' });
    expect(missing.body.errors[0]).toMatchObject({ code: 4000, message: "No service with name 'blog' and stage 'dev' found" });
  });
});
