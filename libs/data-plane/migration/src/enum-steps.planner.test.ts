import { describe, expect, it } from 'vitest';
import { planBetween } from '../test/schemas.fixture.js';

const model = 'type A { id: ID! @id }';

describe('enum steps', () => {
  it('creates a new enum with its values', () => {
    const { plan } = planBetween(model, `${model} enum Role { USER ADMIN }`);
    expect(plan.steps).toEqual([{ type: 'CreateEnum', name: 'Role', values: ['USER', 'ADMIN'], reason: 'The enum `Role` is new.' }]);
  });

  it('deletes a removed enum', () => {
    const { plan } = planBetween(`${model} enum Role { USER }`, model);
    expect(plan.steps).toEqual([{ type: 'DeleteEnum', name: 'Role', reason: 'The enum `Role` is no longer in the datamodel.' }]);
  });

  it('updates the values of an enum (order counts)', () => {
    expect(planBetween(`${model} enum Role { USER ADMIN }`, `${model} enum Role { USER ADMIN OWNER }`).plan.steps).toEqual([
      {
        type: 'UpdateEnum',
        name: 'Role',
        newName: null,
        values: ['USER', 'ADMIN', 'OWNER'],
        reason: 'The enum `Role` changed its values from USER, ADMIN to USER, ADMIN, OWNER.',
      },
    ]);
    expect(planBetween(`${model} enum Role { USER ADMIN }`, `${model} enum Role { ADMIN USER }`).plan.steps).toHaveLength(1);
  });

  it('renames an enum given @rename, with null values when they stay', () => {
    const { plan } = planBetween(`${model} enum Role { USER }`, `${model} enum Kind @rename(oldName: "Role") { USER }`);
    expect(plan.steps).toEqual([
      { type: 'UpdateEnum', name: 'Role', newName: 'Kind', values: null, reason: 'The enum `Role` was renamed to `Kind`.' },
    ]);
  });

  it('without @rename, a renamed enum is a new enum and a deleted one', () => {
    const { plan } = planBetween(`${model} enum Role { USER }`, `${model} enum Kind { USER }`);
    expect(plan.steps.map((s) => s.type)).toEqual(['DeleteEnum', 'CreateEnum']);
  });
});
