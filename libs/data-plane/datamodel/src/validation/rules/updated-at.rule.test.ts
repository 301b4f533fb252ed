import { describe, it } from 'vitest';
import { expectErrors, expectValid } from '../../../test/validation.harness.js';

describe('updated-at', () => {
  it('requires a DateTime field (and Prisma writes @updatedAt without backticks here)', () => {
    expectErrors('type Post {\n  id: ID! @id\n  changed: Int! @updatedAt\n}', [
      {
        type: 'Post',
        field: 'changed',
        description: 'Fields that are marked as @updatedAt must be of type `DateTime!` or `DateTime`.',
        line: 3,
        column: 3,
      },
    ]);
  });

  it('accepts DateTime and DateTime!', () => {
    expectValid('type Post { id: ID! @id  a: DateTime @updatedAt  b: DateTime! @updatedAt }');
  });
});
