import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

const LEGACY = { format: '1.0' } as const;
const ROLE = '\nenum Role { ADMIN USER }';

describe('legacy-default', () => {
  it('reports a string that does not convert to the field type', () => {
    expectErrors(
      'type User {\n  active: Boolean @default(value: "yes")\n}',
      [{ type: 'User', field: 'active', description: "Invalid value 'yes' for type Boolean.", line: 2, column: 28 }],
      LEGACY,
    );
    expectError('type User { age: Int @default(value: "4.2") }', { type: 'User', field: 'age', description: "Invalid value '4.2' for type Int." }, LEGACY);
    expectError('type User { at: DateTime @default(value: "soon") }', { type: 'User', field: 'at', description: "Invalid value 'soon' for type DateTime." }, LEGACY);
    expectError('type User { data: Json @default(value: "{") }', { type: 'User', field: 'data', description: "Invalid value '{' for type Json." }, LEGACY);
  });

  it('reports undeclared enum values', () => {
    expectError('type User { role: Role @default(value: "OWNER") }' + ROLE, {
      type: 'User',
      field: 'role',
      description: 'The defaultValue contains an invalid enumValue.',
    }, LEGACY);
  });

  it('rejects defaults on lists', () => {
    expectError('type User { tags: [String!] @default(value: "a") }', { type: 'User', field: 'tags', description: 'List fields cannot have defaultValues.' }, LEGACY);
  });

  it('wants every 1.0 default as a string', () => {
    expectError('type User { active: Boolean @default(value: false) }', { type: 'User', field: 'active', description: 'This argument must be a String.' }, LEGACY);
  });

  it('points users of the old @defaultValue directive at @default', () => {
    expectError('type User { name: String @defaultValue(value: "x") }', {
      type: 'User',
      field: 'name',
      description: `You are using a '@defaultValue' directive. Prisma uses '@default(value: "Value as String")' to declare default values.`,
    }, LEGACY);
  });

  it('accepts strings that convert', () => {
    expectValid(
      `type User {
        active: Boolean @default(value: "false")
        age: Int @default(value: "42")
        score: Float @default(value: "1.5")
        at: DateTime @default(value: "2015-11-22")
        data: Json @default(value: "[1]")
        ref: ID @default(value: "anything")
        role: Role @default(value: "USER")
      }` + ROLE,
      LEGACY,
    );
  });
});
