import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

describe('relation-ambiguity', () => {
  it('asks every field of an ambiguous pair to name its relation', () => {
    expectErrors(
      `type Todo {
  id: ID! @id
  comments: [Comment]
  comments2: [Comment]
}
type Comment { id: ID! @id }`,
      ['comments', 'comments2'].map((field, i) => ({
        type: 'Todo',
        field,
        description: `The relation field \`${field}\` must specify a \`@relation\` directive: \`@relation(name: "MyRelation")\``,
        line: 3 + i,
        column: 3,
      })),
    );
  });

  it('rejects a relation name used by more than two fields', () => {
    expectError(
      `type Todo {
  id: ID! @id
  comments: [Comment] @relation(name: "TodoComments")
  comments2: [Comment] @relation(name: "TodoComments")
}
type Comment { id: ID! @id  todo: Todo @relation(name: "TodoComments") }`,
      { type: 'Todo', field: 'comments2', description: "A relation directive cannot appear more than twice. Relation name: 'TodoComments'" },
    );
  });

  it('rejects a self relation name used by more than two fields', () => {
    expectError(
      `type User {
  id: ID! @id
  a: User @relation(name: "Pair", link: INLINE)
  b: User @relation(name: "Pair")
  c: User @relation(name: "Pair")
}`,
      { type: 'User', field: 'c', description: "A relation directive for a self relation must appear either 1 or 2 times. Relation name: 'Pair'" },
    );
  });

  it('applies to 1.0 datamodels too', () => {
    expectError(
      'type Todo { comments: [Comment!]!  drafts: [Comment!]! }\ntype Comment { text: String }',
      { type: 'Todo', field: 'drafts', description: 'The relation field `drafts` must specify a `@relation` directive: `@relation(name: "MyRelation")`' },
      { format: '1.0' },
    );
  });

  it('accepts ambiguous fields that name distinct relations', () => {
    expectValid(`
      type Todo {
        id: ID! @id
        comments: [Comment] @relation(name: "TodoComments1")
        comments2: [Comment] @relation(name: "TodoComments2")
      }
      type Comment {
        id: ID! @id
        todo: Todo! @relation(name: "TodoComments1")
        todo2: Todo! @relation(name: "TodoComments2")
      }`);
  });
});
