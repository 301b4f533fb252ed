import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

const message = (type: string) =>
  `The type \`${type}\` specifies a directive more than once. Directives must appear exactly once on a type.`;

describe('type-directive-unique', () => {
  it('reports a repeated type directive at its second occurrence', () => {
    expectErrors('type User @db(name: "users") @db(name: "people") {\n  id: ID! @id\n}', [
      { type: 'User', field: null, description: message('User'), line: 1, column: 30 },
    ]);
  });

  it('applies to 1.0 datamodels too', () => {
    expectError('type User @rename(oldName: "A") @rename(oldName: "B") { name: String }', { type: 'User', description: message('User') }, { format: '1.0' });
  });

  it('accepts different directives on one type', () => {
    expectValid('type User @db(name: "users") @rename(oldName: "Person") { id: ID! @id }');
  });
});
