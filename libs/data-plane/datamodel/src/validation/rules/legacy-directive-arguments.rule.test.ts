import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

const LEGACY = { format: '1.0' } as const;
const TEAM = '\ntype Team { name: String }';

describe('legacy-directive-arguments', () => {
  it('requires a string name on every 1.0 @relation, reported at the directive', () => {
    expectErrors(
      'type User {\n  team: Team @relation(onDelete: CASCADE)\n}' + TEAM,
      [
        {
          type: 'User',
          field: 'team',
          description: "The field `team` specifies the directive `@relation` but it's missing the required argument `name`.",
          line: 2,
          column: 14,
        },
      ],
      LEGACY,
    );
    expectError(
      'type User { team: Team @relation(name: Membership) }' + TEAM,
      { type: 'User', field: 'team', description: "The field `team` specifies the directive `@relation` but it's missing the required argument `name`." },
      LEGACY,
    );
  });

  it('rejects invalid optional @relation arguments with the legacy message', () => {
    expectError('type User { team: Team @relation(name: "Membership", onDelete: "CASCADE") }' + TEAM, {
      type: 'User',
      field: 'team',
      description: 'not a valid value for onDelete',
    }, LEGACY);
    expectError('type User { team: Team @relation(name: "Membership", oldName: Old) }' + TEAM, {
      type: 'User',
      field: 'team',
      description: 'not a valid value for oldName',
    }, LEGACY);
  });

  it('requires @rename(oldName:) and @default(value:)', () => {
    expectError('type User { name: String @rename }', {
      type: 'User',
      field: 'name',
      description: "The field `name` specifies the directive `@rename` but it's missing the required argument `oldName`.",
    }, LEGACY);
    expectError('type User { name: String @default }', {
      type: 'User',
      field: 'name',
      description: "The field `name` specifies the directive `@default` but it's missing the required argument `value`.",
    }, LEGACY);
  });

  it('accepts well-formed 1.0 directives', () => {
    expectValid(
      'type User { name: String @rename(oldName: "fullName") @default(value: "x")  team: Team @relation(name: "Membership", onDelete: SET_NULL, oldName: "Old") }' + TEAM,
      LEGACY,
    );
  });
});
