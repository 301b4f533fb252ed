import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

describe('missing-type', () => {
  it('reports a field whose type is neither a scalar nor declared, with the type as written', () => {
    expectErrors('type Post {\n  id: ID! @id\n  tags: [Tag!]! \n}', [
      {
        type: 'Post',
        field: 'tags',
        description: "The field `tags` has the type `[Tag!]!` but there's no type or enum declaration with that name.",
        line: 3,
        column: 3,
      },
    ]);
  });

  it('applies to 1.0 datamodels too', () => {
    expectError(
      'type Post { author: Usr }',
      { type: 'Post', field: 'author', description: "The field `author` has the type `Usr` but there's no type or enum declaration with that name." },
      { format: '1.0' },
    );
  });

  it('accepts scalars, declared types and enums', () => {
    expectValid('type Post {\n  id: ID! @id\n  author: User\n  role: Role\n  data: Json\n}\ntype User { id: ID! @id }\nenum Role { ADMIN }');
  });
});
