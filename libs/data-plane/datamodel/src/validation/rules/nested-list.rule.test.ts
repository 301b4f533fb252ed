import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

describe('nested-list', () => {
  it('rejects lists of scalar lists with the wrong-format message', () => {
    expectErrors('type Matrix {\n  id: ID! @id\n  rows: [[Int]] @scalarList(strategy: RELATION)\n}', [
      {
        type: 'Matrix',
        field: 'rows',
        // The missing backtick at the end is Prisma's.
        description: 'The scalar field `rows` has the wrong format: `[[Int]]` Possible Formats: `Int`, `Int!`, `[Int!]` or `[Int!]!',
        line: 3,
        column: 3,
      },
    ]);
  });

  it('rejects lists of relation lists, in 1.0 too', () => {
    expectError(
      'type User { teams: [[Team!]!]! }\ntype Team { name: String }',
      {
        type: 'User',
        field: 'teams',
        description: 'The relation field `teams` has the wrong format: `[[Team!]!]!` Possible Formats: `Team`, `Team!`, `[Team!]!`',
      },
      { format: '1.0' },
    );
  });

  it('accepts single lists', () => {
    expectValid('type User { id: ID! @id  tags: [String!]! @scalarList(strategy: RELATION)  teams: [Team] }\ntype Team { id: ID! @id }');
  });
});
