// The statements an import plans (pure), as an SQL snapshot: one statement per model, list field
// and relation, rows as one array per column; and the same statement per row for diagnosis.
import { buildSchema } from '@refract/datamodel';
import { compile } from '@refract/sql';
import { expect, it } from 'vitest';
import { LEGACY } from '../../test/fixtures/legacy.fixture.js';
import { EVERY_KIND } from '../../test/fixtures/every-kind.fixture.js';
import { planImport } from './import.run.js';

const NOW = new Date('2021-06-07T08:09:10.123Z');

function schemaOf(datamodel: string) {
  const built = buildSchema(datamodel);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.schema;
}

/** Statement texts with values; cuids (1.0 link ids) masked. */
function render(plan: ReturnType<typeof planImport>): string {
  return plan.batches
    .flatMap((batch) => [batch.statement, batch.rows[0]!.statement()])
    .map((statement) => {
      const { text, values } = compile(statement);
      return `${text}\n-- values: ${JSON.stringify(values).replace(/"c[0-9a-z]{24}"/g, '"<cuid>"')}\n`;
    })
    .join('\n');
}

it('plans one statement per model, list field and relation', async () => {
  const schema = schemaOf(EVERY_KIND);
  const nodes = planImport(schema, 's$dev', { valueType: 'nodes', values: [{ _typeName: 'Image', id: 'i1', url: 'a' }, { _typeName: 'Post', id: 'p1', title: 'T', weight: 1.5 }, { _typeName: 'Image', id: 'i2', url: 'b' }] }, NOW);
  const lists = planImport(schema, 's$dev', { valueType: 'lists', values: [{ _typeName: 'Post', id: 'p1', flags: [true, false] }, { _typeName: 'Post', id: 'p1', flags: [true] }] }, NOW);
  const relations = planImport(
    schema,
    's$dev',
    {
      valueType: 'relations',
      values: [
        [{ _typeName: 'User', id: 'u1', fieldName: 'posts' }, { _typeName: 'Post', id: 'p1', fieldName: 'author' }],
        [{ _typeName: 'Post', id: 'p1', fieldName: 'categories' }, { _typeName: 'Category', id: 'c1' }],
      ],
    },
    NOW,
  );
  expect(nodes.errors).toEqual([]);
  expect(nodes.batches).toHaveLength(2);
  expect(lists.batches).toHaveLength(1);
  expect(relations.batches).toHaveLength(2);
  await expect([render(nodes), render(lists), render(relations)].join('\n')).toMatchFileSnapshot('__snapshots__/import.1.1.sql');
});

it('plans _RelayId rows and link-table ids for a 1.0 project', async () => {
  const schema = schemaOf(LEGACY);
  const nodes = planImport(schema, 's$dev', { valueType: 'nodes', values: [{ _typeName: 'Label', id: 'l1', name: 'n' }] }, NOW);
  const relations = planImport(schema, 's$dev', { valueType: 'relations', values: [[{ _typeName: 'User', id: 'u1', fieldName: 'best' }, { _typeName: 'User', id: 'u2' }]] }, NOW);
  await expect([render(nodes), render(relations)].join('\n')).toMatchFileSnapshot('__snapshots__/import.1.0.sql');
});
