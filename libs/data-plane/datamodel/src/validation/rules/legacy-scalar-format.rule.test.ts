import { describe, it } from 'vitest';
import { expectErrors, expectValid } from '../../../test/validation.harness.js';

describe('legacy-scalar-format', () => {
  it('rejects 1.0 scalar lists whose items may be null', () => {
    expectErrors(
      'type Post {\n  tags: [String]\n  scores: [Int]!\n}',
      [
        {
          type: 'Post',
          field: 'tags',
          description: 'The scalar field `tags` has the wrong format: `[String]` Possible Formats: `String`, `String!`, `[String!]` or `[String!]!',
          line: 2,
          column: 3,
        },
        {
          type: 'Post',
          field: 'scores',
          description: 'The scalar field `scores` has the wrong format: `[Int]!` Possible Formats: `Int`, `Int!`, `[Int!]` or `[Int!]!',
        },
      ],
      { format: '1.0' },
    );
  });

  it('accepts the four 1.0 formats', () => {
    expectValid('type Post { a: String  b: String!  c: [String!]  d: [String!]! }', { format: '1.0' });
  });
});
