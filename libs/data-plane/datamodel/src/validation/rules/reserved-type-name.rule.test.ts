import { describe, it } from 'vitest';
import { expectError, expectValid } from '../../../test/validation.harness.js';

describe('reserved-type-name', () => {
  it('rejects the names the generated API uses, in both formats', () => {
    expectError('type Query { id: ID! @id }', {
      type: 'Query',
      field: null,
      description: 'The type `Query` has is using a reserved type name. Please rename it.',
      line: 1,
      column: 1,
    });
    expectError('type PageInfo { name: String }', {
      type: 'PageInfo',
      description: 'The type `PageInfo` has is using a reserved type name. Please rename it.',
    }, { format: '1.0' });
  });

  it('accepts names that merely contain a reserved word', () => {
    expectValid('type QueryLog { id: ID! @id }');
  });
});
