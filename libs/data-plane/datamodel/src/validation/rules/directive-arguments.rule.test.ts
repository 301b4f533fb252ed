import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

const missing = (field: string, directive: string, argument: string) =>
  `The field \`${field}\` specifies the directive \`@${directive}\` but it's missing the required argument \`${argument}\`.`;

/** A 1.1 model with an extra field line, so each case checks one directive. */
const model = (line: string) => `type User {\n  id: ID! @id\n  ${line}\n}`;

describe('directive-arguments', () => {
  it('reports missing required arguments at the directive', () => {
    expectErrors(model('name: String @db'), [{ type: 'User', field: 'name', description: missing('name', 'db', 'name'), line: 3, column: 16 }]);
    expectError(model('name: String @rename'), { type: 'User', field: 'name', description: missing('name', 'rename', 'oldName') });
    expectError(model('name: String @default'), { type: 'User', field: 'name', description: missing('name', 'default', 'value') });
  });

  it('reports every missing argument of @sequence', () => {
    expectErrors('type User {\n  id: Int! @id(strategy: SEQUENCE) @sequence\n}', [
      { type: 'User', field: 'id', description: missing('id', 'sequence', 'name') },
      { type: 'User', field: 'id', description: missing('id', 'sequence', 'initialValue') },
      { type: 'User', field: 'id', description: missing('id', 'sequence', 'allocationSize') },
    ]);
  });

  it('reports arguments of the wrong type at the argument', () => {
    expectErrors(model('name: String @db(name: 42)'), [
      { type: 'User', field: 'name', description: 'This argument must be a String.', line: 3, column: 20 },
    ]);
    expectError('type User {\n  id: Int! @id(strategy: SEQUENCE) @sequence(name: "s", initialValue: "1", allocationSize: 1.5)\n}', {
      type: 'User',
      field: 'id',
      description: 'This argument must be an Int.',
    });
  });

  it('reports invalid values of enum arguments', () => {
    expectError(model('team: Team @relation(onDelete: DELETE)') + '\ntype Team { id: ID! @id }', {
      type: 'User',
      field: 'team',
      description: 'Valid values for the argument `onDelete` are: CASCADE,SET_NULL.',
    });
    expectError(model('team: Team @relation(link: EMBED)') + '\ntype Team { id: ID! @id }', {
      type: 'User',
      field: 'team',
      description: 'Valid values for the argument `link` are: INLINE,TABLE.',
    });
    expectError('type User { id: ID! @id(strategy: RANDOM) }', {
      type: 'User',
      field: 'id',
      description: 'Valid values for the strategy argument of `@id` are: AUTO, NONE, SEQUENCE.',
    });
    expectError(model('tags: [String] @scalarList(strategy: EMBEDDED)'), {
      type: 'User',
      field: 'tags',
      description: 'Valid values for the strategy argument of `@scalarList` are: RELATION.',
    });
  });

  it('wants enum values as enum literals, the only form the inferrer reads', () => {
    expectError(model('team: Team @relation(onDelete: "CASCADE")') + '\ntype Team { id: ID! @id }', {
      type: 'User',
      field: 'team',
      description: 'Valid values for the argument `onDelete` are: CASCADE,SET_NULL.',
    });
  });

  it('offers only INLINE where the connector has no link tables', () => {
    expectError(
      model('team: Team @relation(link: TABLE)') + '\ntype Team { id: ID! @id }',
      { type: 'User', field: 'team', description: 'Valid values for the argument `link` are: INLINE.' },
      { capabilities: { embeddedTypes: false, relationTables: false } },
    );
  });

  it('accepts well-formed arguments', () => {
    expectValid(`
      type User {
        id: Int! @id(strategy: SEQUENCE) @sequence(name: "user_seq", initialValue: 1, allocationSize: 100)
        name: String @db(name: "full_name") @rename(oldName: "fullName") @default(value: "anonymous")
        team: Team @relation(name: "Membership", link: INLINE, onDelete: CASCADE)
        tags: [String] @scalarList(strategy: RELATION)
      }
      type Team { id: ID! @id(strategy: NONE)  members: [User] @relation(name: "Membership", onDelete: SET_NULL) }`);
  });
});
