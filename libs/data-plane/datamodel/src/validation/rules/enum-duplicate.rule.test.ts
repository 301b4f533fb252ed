import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

const message = (name: string) => `The enum type \`${name}\` is defined twice in the schema. Enum names must be unique.`;

describe('enum-duplicate', () => {
  it('reports an enum declared twice once, at the repeat', () => {
    expectErrors('type User { id: ID! @id }\nenum Role { ADMIN }\nenum Role { USER }\nenum Role { GUEST }', [
      { type: 'Role', field: null, description: message('Role'), line: 3, column: 1 },
    ]);
  });

  it('applies to 1.0 datamodels too', () => {
    expectError('enum Role { ADMIN }\nenum Role { USER }', { type: 'Role', description: message('Role') }, { format: '1.0' });
  });

  it('accepts enums whose names differ', () => {
    expectValid('type User { id: ID! @id }\nenum Role { ADMIN }\nenum Roles { USER }');
  });
});
