import { describe, it } from 'vitest';
import { expectErrors, expectValid } from '../../../test/validation.harness.js';

const POSTGRES_WITH_EMBEDDED = { embeddedTypes: true, relationTables: true };

describe('id-field-missing', () => {
  it('requires every 1.1 model to mark an id field', () => {
    expectErrors('type User { id: ID! @id }\ntype Post {\n  id: ID! @unique\n}', [
      {
        type: 'Post',
        field: null,
        description: 'One field of the type `Post` must be marked as the id field with the `@id` directive.',
        line: 2,
        column: 1,
      },
    ]);
  });

  it('does not ask link tables or embedded types for an id', () => {
    expectValid(`
      type User { id: ID! @id  friends: [User] @relation(name: "Friends", link: TABLE) }
      type Friends @relationTable { a: User  b: User }`);
    expectValid('type User { id: ID! @id  address: Address }\ntype Address @embedded { street: String }', {
      capabilities: POSTGRES_WITH_EMBEDDED,
    });
  });

  it('does not apply to 1.0, where id is implicit', () => {
    expectValid('type Post { title: String }', { format: '1.0' });
  });
});
