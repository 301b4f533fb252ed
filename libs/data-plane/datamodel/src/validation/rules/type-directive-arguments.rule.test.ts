import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

describe('type-directive-arguments', () => {
  it('reports a type @db or @rename without its argument, at the directive', () => {
    expectErrors('type User @db {\n  id: ID! @id\n}', [
      {
        type: 'User',
        field: null,
        description: "The type `User` specifies the directive `@db` but it's missing the required argument `name`.",
        line: 1,
        column: 11,
      },
    ]);
    expectError('type User @rename { id: ID! @id }', {
      type: 'User',
      description: "The type `User` specifies the directive `@rename` but it's missing the required argument `oldName`.",
    });
  });

  it('reports arguments that are not strings, on types and enums', () => {
    expectError('type User @db(name: users) { id: ID! @id }', { type: 'User', field: null, description: 'This argument must be a String.' });
    expectError('type User { id: ID! @id }\nenum Role @rename(oldName: 1) { ADMIN }', { type: 'Role', description: 'This argument must be a String.' });
  });

  it('checks @rename on 1.0 types and enums too', () => {
    expectError(
      'type User { name: String }\nenum Role @rename { ADMIN }',
      { type: 'Role', description: "The enum type `Role` specifies the directive `@rename` but it's missing the required argument `oldName`." },
      { format: '1.0' },
    );
  });

  it('accepts string arguments', () => {
    expectValid('type User @db(name: "users") @rename(oldName: "Person") { id: ID! @id }\nenum Role @rename(oldName: "Kind") { ADMIN }');
  });
});
