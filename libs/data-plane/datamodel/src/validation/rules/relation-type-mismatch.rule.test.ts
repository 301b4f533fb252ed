import { describe, it } from 'vitest';
import { expectErrors, expectValid } from '../../../test/validation.harness.js';

describe('relation-type-mismatch', () => {
  it('reports the ends of a named relation that do not point at each other', () => {
    expectErrors(
      `type Todo {
  id: ID! @id
  comments: [Comment] @relation(name: "TodoComments")
}
type Comment { id: ID! @id }
type Author {
  id: ID! @id
  whatever: Comment @relation(name: "TodoComments")
}`,
      [
        {
          type: 'Todo',
          field: 'comments',
          description: 'The relation field `comments` has the type `[Comment]`. But the other directive for this relation appeared on the type `Author`',
          line: 3,
          column: 3,
        },
        {
          type: 'Author',
          field: 'whatever',
          description: 'The relation field `whatever` has the type `Comment`. But the other directive for this relation appeared on the type `Todo`',
          line: 8,
          column: 3,
        },
      ],
    );
  });

  it('applies to 1.0 datamodels too', () => {
    expectErrors(
      'type Todo { comments: [Comment!]! @relation(name: "TodoComments") }\ntype Comment { text: String }\ntype Author { todo: Todo @relation(name: "TodoComments") }',
      [
        {
          type: 'Todo',
          field: 'comments',
          description: 'The relation field `comments` has the type `[Comment!]!`. But the other directive for this relation appeared on the type `Author`',
        },
      ],
      { format: '1.0' },
    );
  });

  it('accepts a name shared by the two ends of one relation', () => {
    expectValid(`
      type Todo { id: ID! @id  comments: [Comment] @relation(name: "TodoComments") }
      type Comment { id: ID! @id  todo: Todo @relation(name: "TodoComments") }`);
  });
});
