import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

const ID = 'type User { id: ID! @id }\n';

describe('enum-values', () => {
  it('explains a lower-case first letter on its own', () => {
    expectErrors(`${ID}enum Role { admin USER }`, [
      {
        type: 'Role',
        field: null,
        description: 'The enum type `Role` contains invalid enum values. The first character of each value must be an uppercase letter.',
        line: 2,
        column: 1,
      },
    ]);
  });

  it('lists the other invalid values, including too long ones, in 1.0 too', () => {
    const long = `A${'B'.repeat(191)}`;
    expectError(
      `enum Role { _ADMIN USER ${long} }`,
      { type: 'Role', description: `The enum type \`Role\` contains invalid enum values. Those are invalid: \`_ADMIN\`, \`${long}\`.` },
      { format: '1.0' },
    );
  });

  it('accepts upper-case values with digits and underscores up to 191 characters', () => {
    expectValid(`${ID}enum Role { ADMIN Super_User2 A${'B'.repeat(190)} }`);
  });
});
