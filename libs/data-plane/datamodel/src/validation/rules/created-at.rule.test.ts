import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

describe('created-at', () => {
  it('requires a DateTime field', () => {
    expectErrors('type Post {\n  id: ID! @id\n  created: String @createdAt\n}', [
      {
        type: 'Post',
        field: 'created',
        description: 'Fields that are marked as `@createdAt` must be of type `DateTime!` or `DateTime`.',
        line: 3,
        column: 3,
      },
    ]);
    expectError('type Post { id: ID! @id  created: [DateTime] @createdAt @scalarList(strategy: RELATION) }', {
      type: 'Post',
      field: 'created',
      description: 'Fields that are marked as `@createdAt` must be of type `DateTime!` or `DateTime`.',
    });
  });

  it('rejects a field that is also @updatedAt', () => {
    expectErrors('type Post { id: ID! @id  stamp: DateTime @createdAt @updatedAt }', [
      { type: 'Post', field: 'stamp', description: 'Fields cannot be marked simultaneously with `@createdAt` and `@updatedAt`.' },
    ]);
  });

  it('accepts DateTime and DateTime!', () => {
    expectValid('type Post { id: ID! @id  a: DateTime @createdAt  b: DateTime! @createdAt }');
  });
});
