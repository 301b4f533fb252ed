import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

// Prisma's message ends in a space.
const message = (type: string) =>
  `The type \`${type}\` has a duplicate fieldName. The detection of duplicates is performed case insensitive. `;

describe('duplicate-field-name', () => {
  it('reports each field whose name collides ignoring case', () => {
    expectErrors('type User {\n  id: ID! @id\n  name: String\n  Name: String\n}', [
      { type: 'User', field: 'name', description: message('User'), line: 3, column: 3 },
      { type: 'User', field: 'Name', description: message('User'), line: 4, column: 3 },
    ]);
  });

  it('applies to 1.0 datamodels too', () => {
    expectError('type User { name: String  name: Int }', { type: 'User', field: 'name', description: message('User') }, { format: '1.0' });
  });

  it('accepts the same field name on different types', () => {
    expectValid('type User { id: ID! @id  name: String }\ntype Team { id: ID! @id  name: String }');
  });
});
