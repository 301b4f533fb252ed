import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

const message = (field: string) =>
  `The field \`${field}\` specifies a directive more than once. Directives must appear exactly once on a field.`;

describe('field-directive-unique', () => {
  it('reports a repeated directive at its second occurrence', () => {
    expectErrors('type User {\n  id: ID! @id\n  email: String @unique @unique\n}', [
      { type: 'User', field: 'email', description: message('email'), line: 3, column: 25 },
    ]);
  });

  it('applies to 1.0 datamodels too', () => {
    expectError('type User { email: String @unique @unique }', { type: 'User', field: 'email', description: message('email') }, { format: '1.0' });
  });

  it('accepts different directives on one field', () => {
    expectValid('type User { id: ID! @id  email: String @unique @db(name: "mail") }');
  });
});
