import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

const message = (field: string) =>
  `The field \`${field}\` has an invalid name in the \`@relation\` directive. It can only have up to 54 characters and must have the shape [A-Z][a-zA-Z0-9]*`;

describe('relation-name-shape', () => {
  it('rejects names that do not start with an upper-case letter, at the name argument', () => {
    expectErrors('type User {\n  id: ID! @id\n  posts: [Post] @relation(name: "user_posts")\n}\ntype Post { id: ID! @id }', [
      { type: 'User', field: 'posts', description: message('posts'), line: 3, column: 27 },
    ]);
  });

  it('rejects names longer than 54 characters, in 1.0 too', () => {
    const long = `R${'e'.repeat(54)}`;
    expectError(`type User { posts: [Post!]! @relation(name: "${long}") }\ntype Post { text: String }`, {
      type: 'User',
      field: 'posts',
      description: message('posts'),
    }, { format: '1.0' });
  });

  it('accepts 54 characters, digits and underscores', () => {
    const longest = `R${'e'.repeat(53)}`;
    expectValid(`type User { id: ID! @id  posts: [Post] @relation(name: "${longest}")  drafts: [Post] @relation(name: "User_Drafts2") }\ntype Post { id: ID! @id }`);
  });
});
