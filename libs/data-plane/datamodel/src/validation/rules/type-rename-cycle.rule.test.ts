import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

const message = (from: string, to: string, other: string) =>
  `You renamed type \`${from}\` to \`${to}\`. But that is the old name of type \`${other}\`. Please do this in two steps.`;

describe('type-rename-cycle', () => {
  it('rejects swapping two type names in one deploy', () => {
    expectErrors('type B @rename(oldName: "A") { id: ID! @id }\ntype A @rename(oldName: "B") { id: ID! @id }', [
      { type: 'B', field: null, description: message('A', 'B', 'A'), line: 1, column: 8 },
      { type: 'A', field: null, description: message('B', 'A', 'B'), line: 2, column: 8 },
    ]);
  });

  it('rejects a chain of renames: the new name is the old name of another type', () => {
    const sdl = 'type New @rename(oldName: "Old") { id: ID! @id }\ntype Other @rename(oldName: "New") { id: ID! @id }';
    expectError(sdl, { type: 'New', description: message('Old', 'New', 'Other') });
    // What Prisma itself reports for the same chain: the old name `New` is still a type's name.
    expectError(sdl, { type: 'Other', description: message('New', 'Other', 'New') });
  });

  it('uses the legacy message in 1.0', () => {
    expectError(
      'type B @rename(oldName: "A") { name: String }\ntype A @rename(oldName: "B") { name: String }',
      {
        type: 'A',
        description:
          'The type `A` is being renamed. Another type is also being renamed and formerly had `A` new name.' +
          'Please split cases where you do renames like type A -> type B and type B -> type A at the same time into two parts. ',
      },
      { format: '1.0' },
    );
  });

  it('accepts renames to names that are free', () => {
    expectValid('type Member @rename(oldName: "User") { id: ID! @id }\ntype Group @rename(oldName: "Team") { id: ID! @id }');
  });
});
