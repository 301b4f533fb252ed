import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

const message = (name: string) =>
  `The name of the type \`${name}\` occurs more than once. The detection of duplicates is performed case insensitive.`;

describe('duplicate-type-name', () => {
  it('reports each type whose name collides ignoring case, at its own position', () => {
    expectErrors('type User { id: ID! @id }\ntype user { id: ID! @id }', [
      { type: 'User', field: null, description: message('User'), line: 1, column: 1 },
      { type: 'user', field: null, description: message('user'), line: 2, column: 1 },
    ]);
  });

  it('applies to 1.0 datamodels too', () => {
    expectError('type Post { title: String }\ntype Post { text: String }', { type: 'Post', description: message('Post') }, { format: '1.0' });
  });

  it('accepts names that differ by more than case', () => {
    expectValid('type User { id: ID! @id }\ntype Users { id: ID! @id }');
  });
});
