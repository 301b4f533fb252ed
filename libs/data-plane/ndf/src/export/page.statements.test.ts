// The export statements of one datamodel with every kind of source, as SQL snapshots: a change to
// what the export sends shows in review (test/export.test.ts runs them).
import { buildSchema } from '@refract/datamodel';
import { compile } from '@refract/sql';
import { expect, it } from 'vitest';
import { EVERY_KIND } from '../../test/fixtures/every-kind.fixture.js';
import { FILE_TYPES } from '../ndf.format.js';
import { exportSources } from './export.sources.js';
import { pageStatement } from './page.statements.js';

it('pages every source from an offset, and after a key', async () => {
  const built = buildSchema(EVERY_KIND);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const lines: string[] = [];
  for (const fileType of FILE_TYPES) {
    exportSources(built.schema, fileType).forEach((source, table) => {
      const name = source.kind === 'nodes' ? source.model.name : source.kind === 'lists' ? `${source.model.name}.${source.field.name}` : source.relation.name;
      const after = source.kind === 'lists' || (source.kind === 'relations' && source.store.kind === 'table') ? ['k', 2000] : ['k'];
      for (const [label, start] of [['offset', { offset: 10 }], ['after', { after }]] as const) {
        const { text, values } = compile(pageStatement('s$dev', source, start, 1000));
        lines.push(`-- ${fileType}[${table}] ${name}, ${label}\n${text}\n-- values: ${JSON.stringify(values)}\n`);
      }
    });
  }
  await expect(lines.join('\n')).toMatchFileSnapshot('__snapshots__/page.statements.sql');
});
