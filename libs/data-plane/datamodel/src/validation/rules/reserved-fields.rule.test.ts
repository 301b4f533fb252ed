import { describe, it } from 'vitest';
import { expectErrors, expectValid } from '../../../test/validation.harness.js';

describe('reserved-fields', () => {
  it('requires a declared 1.0 id to be a unique ID or UUID', () => {
    expectErrors(
      'type User {\n  id: String! @unique\n}\ntype Post { id: ID! }',
      [
        {
          type: 'User',
          field: 'id',
          description: 'The field `id` is reserved and has to have the format: id: ID! @unique or id: UUID! @unique.',
          line: 2,
          column: 3,
        },
        { type: 'Post', field: 'id', description: 'The field `id` is reserved and has to have the format: id: ID! @unique or id: UUID! @unique.' },
      ],
      { format: '1.0' },
    );
  });

  it('requires declared timestamps to be DateTime!', () => {
    expectErrors(
      'type User { createdAt: DateTime  updatedAt: String! }',
      [
        { type: 'User', field: 'createdAt', description: 'The field `createdAt` is reserved and has to have the format: createdAt: DateTime!.' },
        { type: 'User', field: 'updatedAt', description: 'The field `updatedAt` is reserved and has to have the format: updatedAt: DateTime!.' },
      ],
      { format: '1.0' },
    );
  });

  it('accepts the system fields in their reserved formats', () => {
    expectValid('type User { id: UUID! @unique  createdAt: DateTime!  updatedAt: DateTime! }', { format: '1.0' });
    expectValid('type User { id: ID! @unique  name: String }', { format: '1.0' });
  });
});
