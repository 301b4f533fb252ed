// `executeRaw` (spec §15) exists only on a worker started with RAW_ACCESS=true: result sets come
// back as row objects, other statements as their update count, SQL errors with code 0.
import { signHs256 } from '@refract/shared';
import { describe, expect, it } from 'vitest';
import { useWorker, type WorkerHandle } from './worker.harness.js';

const DATAMODEL = 'type Note { id: ID! @id  text: String! }';

async function deployNotes(worker: WorkerHandle): Promise<void> {
  await worker.management('mutation { addProject(input: {name: "notes", stage: "dev", secrets: ["s1"]}) { project { name } } }');
  const { body } = await worker.management('mutation ($t: String!) { deploy(input: {name: "notes", stage: "dev", types: $t, secrets: ["s1"]}) { errors { description } } }', { t: DATAMODEL });
  expect(body.data.deploy.errors).toEqual([]);
  await worker.settled();
}

const auth = { authorization: `Bearer ${signHs256({}, 's1')}` };

describe('executeRaw with RAW_ACCESS=true', () => {
  const worker = useWorker('raw', { RAW_ACCESS: 'true' });

  it('runs SQL as written and returns rows or the update count', async () => {
    await deployNotes(worker);
    const insert = await worker.post('/notes/dev', { query: `mutation { executeRaw(query: "INSERT INTO \\"notes$dev\\".\\"Note\\" (id, text) VALUES ('n1', 'hi'), ('n2', 'yo')") }` }, auth);
    expect(insert.body).toEqual({ data: { executeRaw: 2 } });
    const select = await worker.post('/notes/dev', { query: 'mutation ($q: String!) { executeRaw(database: default, query: $q) }', variables: { q: 'SELECT id, text FROM "notes$dev"."Note" ORDER BY id' } }, auth);
    expect(select.body).toEqual({ data: { executeRaw: [{ id: 'n1', text: 'hi' }, { id: 'n2', text: 'yo' }] } });
    const notes = await worker.post('/notes/dev', { query: '{ notes { id text } }' }, auth);
    expect(notes.body.data.notes).toHaveLength(2);
  });

  it('reports a SQL error with its message and code 0', async () => {
    const { body } = await worker.post('/notes/dev', { query: 'mutation { executeRaw(query: "SELECT * FROM nowhere") }' }, auth);
    expect(body.errors).toEqual([expect.objectContaining({ message: 'relation "nowhere" does not exist', code: 0, path: ['executeRaw'] })]);
  });
});

describe('executeRaw without RAW_ACCESS', () => {
  const worker = useWorker('noraw');

  it('is not part of the schema', async () => {
    await deployNotes(worker);
    const { body } = await worker.post('/notes/dev', { query: 'mutation { executeRaw(query: "SELECT 1") }' }, auth);
    expect(body.errors[0].message).toBe('Cannot query field "executeRaw" on type "Mutation".');
  });
});
