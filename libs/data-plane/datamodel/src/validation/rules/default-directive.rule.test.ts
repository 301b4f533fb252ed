import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

/** A 1.1 model with one extra field line. */
const model = (line: string) => `type User {\n  id: ID! @id\n  ${line}\n}\nenum Role { ADMIN USER }`;
const invalid = (rendered: string, code: string) => `The value ${rendered} is not a valid default for fields of type ${code}.`;

describe('default-directive', () => {
  it('rejects a string where 1.1 wants a typed literal, printing the literal with its quotes', () => {
    expectErrors(model('active: Boolean @default(value: "false")'), [
      { type: 'User', field: 'active', description: invalid('"false"', 'Boolean'), line: 3, column: 28 },
    ]);
    expectError(model('age: Int @default(value: "42")'), { type: 'User', field: 'age', description: invalid('"42"', 'Int') });
    expectError(model('name: String @default(value: 42)'), { type: 'User', field: 'name', description: invalid('42', 'String') });
    expectError(model('score: Float @default(value: true)'), { type: 'User', field: 'score', description: invalid('true', 'Float') });
    expectError(model('role: Role @default(value: "ADMIN")'), { type: 'User', field: 'role', description: invalid('"ADMIN"', 'Enum') });
  });

  it('rejects any default on ID and UUID fields', () => {
    expectError(model('ref: ID @default(value: "abc")'), { type: 'User', field: 'ref', description: invalid('"abc"', 'GraphQLID') });
    expectError(model('key: UUID @default(value: "0b5c2f1e-6a4d-4c8e-9a7b-1c2d3e4f5a6b")'), {
      type: 'User',
      field: 'key',
      description: invalid('"0b5c2f1e-6a4d-4c8e-9a7b-1c2d3e4f5a6b"', 'UUID'),
    });
  });

  it('rejects strings that are not valid DateTime or Json, and Ints beyond 32 bits', () => {
    expectError(model('at: DateTime @default(value: "yesterday")'), { type: 'User', field: 'at', description: invalid('"yesterday"', 'DateTime') });
    expectError(model('at: DateTime @default(value: "2019-02-30")'), { type: 'User', field: 'at', description: invalid('"2019-02-30"', 'DateTime') });
    expectError(model('data: Json @default(value: "{oops}")'), { type: 'User', field: 'data', description: invalid('"{oops}"', 'Json') });
    expectError(model('big: Int @default(value: 2147483648)'), { type: 'User', field: 'big', description: invalid('2147483648', 'Int') });
  });

  it('rejects enum values that are not declared', () => {
    expectError(model('role: Role @default(value: OWNER)'), {
      type: 'User',
      field: 'role',
      description: 'The default value is invalid for this enum. Valid values are: ADMIN, USER.',
    });
  });

  it('rejects defaults on lists and relation fields', () => {
    const placement = 'The `@default` directive must only be placed on scalar fields that are not lists.';
    expectErrors(model('tags: [String] @scalarList(strategy: RELATION) @default(value: "a")'), [
      { type: 'User', field: 'tags', description: placement, line: 3, column: 50 },
    ]);
    expectError(model('roles: [Role] @scalarList(strategy: RELATION) @default(value: ADMIN)'), { type: 'User', field: 'roles', description: placement });
    expectError(model('team: Team @default(value: "t")') + '\ntype Team { id: ID! @id }', { type: 'User', field: 'team', description: placement });
  });

  it('accepts literals of the right kind', () => {
    expectValid(
      model(`name: String @default(value: "anonymous")
  age: Int @default(value: -3)
  score: Float @default(value: 1)
  ratio: Float @default(value: 0.5)
  active: Boolean @default(value: false)
  at: DateTime @default(value: "2015-11-22T13:57:31.123Z")
  day: DateTime @default(value: "2015-11")
  data: Json @default(value: "{\\"a\\": [1, 2]}")
  role: Role @default(value: USER)`),
    );
  });
});
