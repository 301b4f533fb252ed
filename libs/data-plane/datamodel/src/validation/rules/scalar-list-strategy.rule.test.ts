import { describe, it } from 'vitest';
import { expectErrors, expectValid } from '../../../test/validation.harness.js';

const message = 'Valid values for the strategy argument of `@scalarList` are: RELATION.';

describe('scalar-list-strategy', () => {
  it('requires @scalarList(strategy: RELATION) on every scalar and enum list', () => {
    expectErrors('type Post {\n  id: ID! @id\n  tags: [String]\n  roles: [Role!]! @scalarList\n}\nenum Role { ADMIN }', [
      { type: 'Post', field: 'tags', description: message, line: 3, column: 3 },
      { type: 'Post', field: 'roles', description: message, line: 4, column: 19 },
    ]);
  });

  it('is a semantic check: it waits until the datamodel is otherwise valid', () => {
    expectErrors('type Post { tags: [String] }', [
      { type: 'Post', description: 'One field of the type `Post` must be marked as the id field with the `@id` directive.' },
    ], { format: '1.1' });
  });

  it('accepts lists with the RELATION strategy, and relation lists without it', () => {
    expectValid('type Post { id: ID! @id  tags: [String] @scalarList(strategy: RELATION)  authors: [User] }\ntype User { id: ID! @id }');
  });
});
