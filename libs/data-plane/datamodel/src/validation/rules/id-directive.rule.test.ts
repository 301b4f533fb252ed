import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

const wrongType = (field: string) =>
  `The field \`${field}\` is marked as id must have one of the following types: \`ID!\`,\`UUID!\`,\`Int!\`.`;

describe('id-directive', () => {
  it('requires the id field to be required', () => {
    expectErrors('type User {\n  id: ID @id\n}', [
      { type: 'User', field: 'id', description: 'Fields that are marked as id must be required.', line: 2, column: 3 },
    ]);
  });

  it('requires a key type', () => {
    expectErrors('type User { email: String! @id }', [{ type: 'User', field: 'email', description: wrongType('email') }]);
  });

  it('reports both problems of an optional list of strings', () => {
    expectError('type User { ids: [String] @id }', { type: 'User', field: 'ids', description: 'Fields that are marked as id must be required.' });
    expectError('type User { ids: [String] @id }', { type: 'User', field: 'ids', description: wrongType('ids') });
  });

  it('accepts ID!, UUID! and Int! ids', () => {
    expectValid('type A { id: ID! @id }\ntype B { id: UUID! @id }\ntype C { id: Int! @id }');
  });
});
