import { describe, it } from 'vitest';
import { expectErrors, expectValid } from '../../../test/validation.harness.js';

const WITH_EMBEDDED = { capabilities: { embeddedTypes: true, relationTables: true } };

describe('embedded-type', () => {
  it('rejects @embedded on PostgreSQL, at the directive', () => {
    expectErrors('type User { id: ID! @id  address: Address }\ntype Address @embedded { street: String }', [
      {
        type: 'Address',
        field: null,
        description: 'The type `Address` is marked as embedded but this connector does not support embedded types.',
        line: 2,
        column: 14,
      },
    ]);
  });

  it('rejects @db on an embedded type where embedded types exist', () => {
    expectErrors(
      'type User { id: ID! @id  address: Address }\ntype Address @embedded @db(name: "addresses") { street: String }',
      [
        {
          type: 'Address',
          description: 'The type `Address` is specifies the `@db` directive. Embedded types must not specify this directive.',
          line: 2,
          column: 24,
        },
      ],
      WITH_EMBEDDED,
    );
  });

  it('accepts embedded types without @db where they are supported', () => {
    expectValid('type User { id: ID! @id  address: Address }\ntype Address @embedded { street: String }', WITH_EMBEDDED);
  });
});
