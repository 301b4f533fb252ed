import { describe, it } from 'vitest';
import { expectErrors, expectValid } from '../../../test/validation.harness.js';

describe('scalar-list', () => {
  it('rejects @scalarList on a field that is not a list, at the directive', () => {
    expectErrors('type Post {\n  id: ID! @id\n  tag: String @scalarList(strategy: RELATION)\n}', [
      {
        type: 'Post',
        field: 'tag',
        description: 'Fields that are marked as `@scalarList` must be lists, e.g. `[String]`.',
        line: 3,
        column: 15,
      },
    ]);
  });

  it('accepts @scalarList on lists', () => {
    expectValid('type Post { id: ID! @id  tags: [String!]! @scalarList(strategy: RELATION) }');
  });
});
