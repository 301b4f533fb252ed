import { describe, it } from 'vitest';
import { expectError, expectErrors, expectValid } from '../../../test/validation.harness.js';

const SEQUENCE = '@sequence(name: "s", initialValue: 1, allocationSize: 10)';
const message =
  'The directive `@sequence` must only be specified for fields that are marked as id, are of type `Int` and use the sequence strategy. E.g. `id: Int! @id(strategy: SEQUENCE)`.';

describe('sequence-directive', () => {
  it('rejects @sequence on an id without the SEQUENCE strategy, at the directive', () => {
    expectErrors(`type User {\n  id: Int! @id ${SEQUENCE}\n}`, [{ type: 'User', field: 'id', description: message, line: 2, column: 16 }]);
  });

  it('rejects @sequence on fields that are no Int id', () => {
    expectError(`type User { id: ID! @id  number: Int ${SEQUENCE} }`, { type: 'User', field: 'number', description: message });
    expectError(`type User { id: ID! @id(strategy: SEQUENCE) ${SEQUENCE} }`, { type: 'User', field: 'id', description: message });
  });

  it('accepts @sequence on an Int id with the SEQUENCE strategy', () => {
    expectValid(`type User { id: Int! @id(strategy: SEQUENCE) ${SEQUENCE} }`);
  });
});
