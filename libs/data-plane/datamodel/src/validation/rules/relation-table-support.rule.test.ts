import { describe, it } from 'vitest';
import { expectErrors, expectValid } from '../../../test/validation.harness.js';

const SDL = `type Model {
  id: ID! @id
  model: Model @relation(name: "ModelToModelRelation")
}
type ModelToModelRelation @relationTable {
  A: Model!
  B: Model!
}`;

describe('relation-table-support', () => {
  it('rejects @relationTable where the connector has no link tables', () => {
    expectErrors(
      SDL,
      [{ type: 'ModelToModelRelation', field: null, description: 'The directive `@relationTable` is not supported by this connector.', line: 5, column: 27 }],
      { capabilities: { embeddedTypes: false, relationTables: false } },
    );
  });

  it('accepts it on PostgreSQL', () => {
    expectValid(SDL);
  });
});
